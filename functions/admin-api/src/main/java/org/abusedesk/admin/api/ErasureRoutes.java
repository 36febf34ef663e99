package org.abusedesk.admin.api;

import java.util.Map;
import java.util.Objects;
import org.abusedesk.cases.EraseComplainant;

/** {@code POST /admin/erasures}: a complainant's request to have their data erased (GDPR Art. 17). */
final class ErasureRoutes {

    private final EraseComplainant eraseComplainant;

    ErasureRoutes(EraseComplainant eraseComplainant) {
        this.eraseComplainant = Objects.requireNonNull(eraseComplainant, "eraseComplainant == null");
    }

    /** The routes, by their keys in the template. */
    Map<String, AdminRoute> routes() {
        return Map.of("POST /admin/erasures", AdminRoute.writing(this::erase));
    }

    /** The address travels in the body, never in the path or query, so that no access log holds it. */
    ErasureView erase(AdminRequest request) {
        String address = AdminRequest.text(request.json(), "address");
        if (address == null || address.isBlank()) {
            throw new AdminProblem(400, "address", "is required");
        }
        // Not the form's strict check: an address a mail brought in years ago must still be erasable.
        int at = address.strip().lastIndexOf('@');
        if (at < 1 || at == address.strip().length() - 1) {
            throw new AdminProblem(400, "address", "is not an e-mail address");
        }
        try {
            return ErasureView.of(eraseComplainant.erase(address));
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "address", "is not an e-mail address");
        }
    }
}
