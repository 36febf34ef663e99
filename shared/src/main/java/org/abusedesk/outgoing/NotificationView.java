package org.abusedesk.outgoing;

import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.processing.Notification;

/** What the abuse-team notification templates show, as text. */
public record NotificationView(
        String subject,
        String mailingId,
        String account,
        String status,
        String escalation,
        String mailing,
        String complaintCount,
        String rate,
        String paging,
        List<ComplaintView> complaints) {

    /**
     * One reported complaint, as text. What the sender chose (name, message) comes twice: as it is, for the HTML
     * part, which escapes it, and made safe for the plain-text part ({@link PlainText}).
     *
     * @param verified yes or no, with the rule that verified it or why none did
     * @param provenance how its Mailing ID was found (format, source, conflicts, the account the mail claims)
     * @param evidence where the mailed evidence is kept; never shown for a quarantined complaint (a virus was found)
     * @param open how the team opens the case: the admin API's route and the command; never a link that opens it
     * @param quotedMessage the message with every line quoted, for the plain-text part
     */
    public record ComplaintView(
            String reference,
            String channel,
            String receivedAt,
            String complainant,
            String complainantLine,
            String verified,
            String provenance,
            String evidence,
            String open,
            String message,
            String quotedMessage) {}

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public static NotificationView of(Notification notification) {
        String account = notification.account().map(AccountId::value).orElse("unknown");
        String rate = notification
                .mailingRatePercent()
                .map(r -> r.setScale(2, RoundingMode.HALF_UP).toPlainString() + " %")
                .orElse("no recipient count");
        String status = notification.status().name();
        String count = notification.mailingComplaints()
                + (notification.mailingComplaints() == 1 ? " complaint" : " complaints");
        var page = notification.paging();
        String subject = "[" + status + "] Mailing " + notification.mailingId() + " · account " + account + " · "
                + count + " · " + rate + (page.pages() > 1 ? " · " + page.page() + "/" + page.pages() : "");
        String paging = pagingLine(notification);
        String escalation = notification
                .escalation()
                .map(e -> e.from() + " → " + e.to() + ": " + e.reason())
                .orElse("");
        String mailing = notification
                .mailing()
                .map(m -> "registered, sent " + TIME.format(m.sentAt())
                        + m.recipients().stream()
                                .mapToObj(r -> ", " + r + " recipients")
                                .findFirst()
                                .orElse("")
                        + m.subject().map(s -> ", subject \"" + s + "\"").orElse("")
                        + m.sender().map(s -> ", from " + s).orElse(""))
                .orElse(
                        notification.account().isPresent()
                                ? "not registered; account named by a verified signature"
                                : "not registered; account unknown");
        return new NotificationView(
                subject,
                notification.mailingId().value(),
                account,
                status,
                escalation,
                mailing,
                count,
                rate,
                paging,
                notification.complaints().stream()
                        .map(NotificationView::complaint)
                        .toList());
    }

    /** Which page this is and what still waits, with how to list it; empty for a mail that says it all. */
    private static String pagingLine(Notification notification) {
        var page = notification.paging();
        if (page.pages() == 1 && page.waiting() == 0) {
            return "";
        }
        String id = notification.mailingId().value();
        return "Page " + page.page() + " of " + page.pages() + " of this summary"
                + (page.waiting() > 0 ? "; and " + page.waiting() + " more waiting for the next summary" : "")
                + ". List them all: GET /admin/mailings/" + id + "/complaints · ./abuse-desk complaints list"
                + " --mailing-id " + id;
    }

    private static ComplaintView complaint(Complaint complaint) {
        var complainant = complaint.complainant();
        String name = switch (complainant.salutation()) {
                    case HERR -> "Herr ";
                    case FRAU -> "Frau ";
                    case NONE -> "";
                }
                + complainant.name().orElse("");
        String shown = name.isBlank() ? complainant.email() : name.strip() + " <" + complainant.email() + ">";
        var verification = complaint.attribution().verification();
        String mailingId = complaint.mailingId().value();
        String complaintId = complaint.id().value();
        return new ComplaintView(
                complaintId,
                complaint.channel().name(),
                TIME.format(complaint.receivedAt()),
                shown,
                PlainText.oneLine(shown),
                (verification.verified() ? "yes, " : "no, ") + verification.name() + ": " + verification.explanation(),
                provenance(complaint.attribution()),
                evidence(complaint.attribution()),
                "GET /admin/complaints/" + mailingId + "/" + complaintId + " · ./abuse-desk complaints show "
                        + mailingId + " " + complaintId,
                complaint.message(),
                PlainText.quoted(complaint.message()));
    }

    private static String provenance(Attribution attribution) {
        return attribution
                .provenance()
                .map(p ->
                        p.format() + ", Mailing ID from " + p.mailingIdSource().orElse("nowhere (unattributed)")
                                + (p.conflict() ? ", CONFLICT: sources disagree" : "")
                                + (p.truncated() ? ", truncated" : "")
                                + claimed(attribution))
                .orElse("web form");
    }

    /** The account the mail itself names: evidence, which escalates only when a verified signature covers it. */
    private static String claimed(Attribution attribution) {
        return attribution
                .claimedAccountId()
                .map(a -> ", account " + PlainText.oneLine(a) + " named by the mail"
                        + (attribution.provenAccountId().isPresent() ? " (signed)" : " (not signed: evidence only)"))
                .orElse("");
    }

    private static String evidence(Attribution attribution) {
        if (attribution.quarantined()) {
            return "withheld: a virus was found in the mail";
        }
        return attribution.provenance().flatMap(MailProvenance::evidence).orElse("none");
    }
}
