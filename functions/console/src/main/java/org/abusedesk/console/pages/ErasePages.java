package org.abusedesk.console.pages;

import java.util.List;
import java.util.Optional;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.ComplainantRecords;
import org.abusedesk.cases.EraseComplainant;
import org.abusedesk.cases.ErasureReport;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.suppression.AddressHash;

/**
 * {@code /erase}: a complainant's request to have their data erased (GDPR Art. 17). The address is sent in a form's
 * body, the complaints it will erase are shown, and only a second POST with {@code confirm=yes} erases them.
 */
final class ErasePages {

    /** An address is at most 254 characters; a longer field is none. */
    static final int MAX_ADDRESS = 254;

    private final EraseComplainant eraseComplainant;
    private final ComplainantRecords complainants;

    ErasePages(ConsoleUseCases useCases) {
        this.eraseComplainant = useCases.eraseComplainant();
        this.complainants = useCases.complainants();
    }

    ConsoleResponse form(ConsoleRequest request) {
        return page(request, 200, EraseView.Step.ASK, "", List.of(), Optional.empty(), List.of());
    }

    ConsoleResponse erase(ConsoleRequest request) {
        var t = PageText.of(request.language());
        String address = request.field("address").orElse("").strip();
        // Not the form's strict check: an address a mail brought in years ago must still be erasable.
        int at = address.lastIndexOf('@');
        if (address.length() > MAX_ADDRESS || at < 1 || at == address.length() - 1) {
            return page(
                    request,
                    400,
                    EraseView.Step.ASK,
                    "",
                    List.of(),
                    Optional.empty(),
                    List.of(t.get("erase.error.address")));
        }
        if (request.field("confirm").filter("yes"::equals).isEmpty()) {
            List<CaseFile> found;
            try {
                found = complainants.ofComplainant(AddressHash.of(address));
            } catch (IllegalArgumentException e) {
                return page(
                        request,
                        400,
                        EraseView.Step.ASK,
                        "",
                        List.of(),
                        Optional.empty(),
                        List.of(t.get("erase.error.address")));
            }
            return page(request, 200, EraseView.Step.CONFIRM, address, found, Optional.empty(), List.of());
        }
        ErasureReport report;
        try {
            report = eraseComplainant.erase(address);
        } catch (IllegalArgumentException e) {
            return page(
                    request,
                    400,
                    EraseView.Step.ASK,
                    "",
                    List.of(),
                    Optional.empty(),
                    List.of(t.get("erase.error.address")));
        }
        return page(request, 200, EraseView.Step.REPORT, "", List.of(), Optional.of(report), List.of());
    }

    private static ConsoleResponse page(
            ConsoleRequest request,
            int status,
            EraseView.Step step,
            String address,
            List<CaseFile> found,
            Optional<ErasureReport> report,
            List<String> errors) {
        var t = PageText.of(request.language());
        String title = t.get("erase.title." + step.name());
        var frame = Frame.of(request, errors.isEmpty() ? title : t.get("page.error") + ": " + title, "erase");
        return Templates.page(status, "erase.jte", new EraseView(frame, step, address, found, report, errors));
    }
}
