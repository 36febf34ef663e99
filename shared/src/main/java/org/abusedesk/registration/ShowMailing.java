package org.abusedesk.registration;

import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.request.RequestFields;

/** A registered mailing with the complaints counted on it. */
public final class ShowMailing {

    private final Mailings mailings;

    public ShowMailing(Mailings mailings) {
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
    }

    /**
     * Empty when the mailing is not registered, even if complaints named it.
     *
     * @throws org.abusedesk.request.InvalidRequestException naming {@code mailingId}
     */
    public Optional<Mailing> show(String mailingId) {
        var fields = new RequestFields();
        // Not checked against today's Mailing ID pattern: a mailing registered under an earlier one stays visible.
        String id = fields.required("mailingId", mailingId, MailingId.MAX_LENGTH);
        fields.throwIfAny();
        return mailings.find(new MailingId(id));
    }
}
