package org.abusedesk.mail;

import java.math.RoundingMode;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
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
        List<ComplaintView> complaints) {

    /**
     * One reported complaint, as text.
     *
     * @param provenance how its Mailing ID was found (format, source, conflicts), for a mailed complaint
     * @param evidence where the mailed evidence is kept; never shown for a quarantined complaint (a virus was found)
     */
    public record ComplaintView(
            String reference,
            String channel,
            String receivedAt,
            String complainant,
            String verified,
            String provenance,
            String evidence,
            String message) {}

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
        String subject = "[" + status + "] Mailing " + notification.mailingId() + " · account " + account + " · "
                + count + " · " + rate;
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
                                ? "not registered; account named by the evidence"
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
                notification.complaints().stream()
                        .map(c -> complaint(
                                c,
                                Optional.ofNullable(notification.evidenceLinks().get(c.id().value()))))
                        .toList());
    }

    private static ComplaintView complaint(Complaint complaint, Optional<URI> link) {
        var complainant = complaint.complainant();
        String name = switch (complainant.salutation()) {
                    case HERR -> "Herr ";
                    case FRAU -> "Frau ";
                    case NONE -> "";
                }
                + complainant.name().orElse("");
        return new ComplaintView(
                complaint.id().value(),
                complaint.channel().name(),
                TIME.format(complaint.receivedAt()),
                name.isBlank() ? complainant.email() : name.strip() + " <" + complainant.email() + ">",
                complaint.attribution().verified() ? "yes" : "no",
                provenance(complaint.attribution()),
                evidence(complaint.attribution(), link),
                complaint.message());
    }

    private static String provenance(Attribution attribution) {
        return attribution
                .provenance()
                .map(p ->
                        p.format() + ", Mailing ID from " + p.mailingIdSource().orElse("nowhere (unattributed)")
                                + (p.conflict() ? ", CONFLICT: sources disagree" : "")
                                + (p.truncated() ? ", truncated" : ""))
                .orElse("web form");
    }

    private static String evidence(Attribution attribution, Optional<URI> link) {
        if (attribution.quarantined()) {
            return "withheld: a virus was found in the mail";
        }
        return link.map(URI::toString)
                .or(() -> attribution.provenance().flatMap(MailProvenance::evidence))
                .orElse("none");
    }
}
