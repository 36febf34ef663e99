package org.abusedesk.outgoing;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.processing.HeldBack;
import org.abusedesk.processing.Notification;
import org.apache.james.mime4j.dom.address.Mailbox;

/** Composes the abuse team's notification: text and HTML from precompiled templates. */
public final class NotificationComposer {

    static final TemplateEngine HTML =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.abusedesk.templates.html");
    static final TemplateEngine TEXT =
            TemplateEngine.createPrecompiled(null, ContentType.Plain, null, "org.abusedesk.templates.text");

    private final Mailbox sender;
    private final Mailbox abuseTeam;

    public NotificationComposer(String senderAddress, String abuseTeamAddress) {
        this.sender = MimeMail.mailbox("senderAddress", senderAddress);
        this.abuseTeam = MimeMail.mailbox("abuseTeamAddress", abuseTeamAddress);
    }

    public OutgoingMail compose(Notification notification) {
        var view = NotificationView.of(notification);
        var newest = view.complaints().get(view.complaints().size() - 1).reference();
        return MimeMail.write(
                sender,
                abuseTeam,
                view.subject(),
                "<" + newest + "." + view.complaints().size() + "@abuse-desk>",
                List.of(
                        // One thread per mailing in the abuse team's mail client.
                        Map.entry("References", "<mailing-" + MimeMail.token(view.mailingId()) + "@abuse-desk>"),
                        // RFC 3834: no auto-responder should answer a notification.
                        Map.entry("Auto-Submitted", "auto-generated"),
                        Map.entry("X-Abuse-Desk-Mailing-ID", view.mailingId()),
                        Map.entry(
                                "X-Abuse-Desk-Reference",
                                view.complaints().stream()
                                        .map(NotificationView.ComplaintView::reference)
                                        .collect(Collectors.joining(", ")))),
                render(TEXT, "notification.jte", view),
                render(HTML, "notification.jte", view));
    }

    /** The digest of what the team mail budget held back in one window. */
    public OutgoingMail compose(HeldBack heldBack) {
        var view = DigestView.of(heldBack);
        return MimeMail.write(
                sender,
                abuseTeam,
                view.subject(),
                "<digest-" + heldBack.windowStart().getEpochSecond() + "@abuse-desk>",
                List.of(Map.entry("Auto-Submitted", "auto-generated")),
                render(TEXT, "digest.jte", view),
                render(HTML, "digest.jte", view));
    }

    /**
     * The abuse team's mail that the sending customer answered a case: where, never what, for the reply is read in
     * the console, with the case.
     */
    public OutgoingMail replyArrived(ComplaintKey key) {
        String reference = key.complaintId().value();
        return MimeMail.writeText(
                sender,
                abuseTeam,
                Optional.empty(),
                "Customer replied: case " + reference + " (mailing "
                        + key.mailingId().value() + ")",
                "<reply." + reference + "." + System.nanoTime() + "@abuse-desk>",
                List.of(
                        Map.entry(
                                "References",
                                "<mailing-" + MimeMail.token(key.mailingId().value()) + "@abuse-desk>"),
                        Map.entry("Auto-Submitted", "auto-generated"),
                        Map.entry("X-Abuse-Desk-Reference", reference)),
                "The sending customer answered case " + reference + " of mailing "
                        + key.mailingId().value()
                        + ".\n\nThe reply is in the case's thread in the console; the case is open again.\n");
    }

    static String render(TemplateEngine engine, String template, Object view) {
        var out = new StringOutput();
        engine.render(template, view, out);
        return out.toString();
    }
}
