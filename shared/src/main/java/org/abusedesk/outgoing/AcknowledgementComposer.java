package org.abusedesk.outgoing;

import java.net.IDN;
import java.util.List;
import java.util.Map;
import org.abusedesk.complaint.Complaint;
import org.apache.james.mime4j.dom.address.Mailbox;

/** Composes the acknowledgement a complainant gets: the case reference, in their language. */
public final class AcknowledgementComposer {

    /**
     * What the acknowledgement templates show: only what the desk made or validated. No display name, form name,
     * reason or subject: a sender could otherwise have the desk mail their text (a link, a lure) to anybody.
     */
    public record AcknowledgementView(String reference, String mailingId) {}

    private final Mailbox sender;

    public AcknowledgementComposer(String senderAddress) {
        this.sender = MimeMail.mailbox("senderAddress", senderAddress);
    }

    public OutgoingMail compose(Complaint complaint) {
        var complainant = complaint.complainant();
        var view = new AcknowledgementView(
                complaint.id().value(), complaint.mailingId().value());
        String template =
                "acknowledgement-" + complainant.language().name().toLowerCase(java.util.Locale.ROOT) + ".jte";
        String subject = switch (complainant.language()) {
            case DE -> "Ihre Beschwerde ist eingegangen (Vorgang " + view.reference() + ")";
            case EN -> "We have received your complaint (case " + view.reference() + ")";
        };
        return MimeMail.write(
                sender,
                recipient(complainant.email()),
                subject,
                "<ack." + view.reference() + "@abuse-desk>",
                // RFC 3834: an automatic reply, which no auto-responder should answer.
                List.of(
                        Map.entry("Auto-Submitted", "auto-replied"),
                        Map.entry("X-Abuse-Desk-Reference", view.reference())),
                NotificationComposer.render(NotificationComposer.TEXT, template, view),
                NotificationComposer.render(NotificationComposer.HTML, template, view));
    }

    /** The complainant's address with an internationalised domain in its ASCII (punycode) form, as SMTP needs it. */
    static Mailbox recipient(String address) {
        int at = address.lastIndexOf('@');
        return new Mailbox(
                HeaderText.clean(address.substring(0, at)),
                IDN.toASCII(HeaderText.clean(address.substring(at + 1)), IDN.ALLOW_UNASSIGNED));
    }
}
