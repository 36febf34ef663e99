package org.abusedesk.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.MailProvenance;

/**
 * What the abuse-team notification templates show of a complaint, as text.
 *
 * @param account the sending account the evidence names, or {@code unknown}
 * @param evidence where the mailed evidence is kept; never shown for a quarantined complaint (a virus was found)
 */
public record NotificationView(
        String mailingId,
        String reference,
        String channel,
        String receivedAt,
        String complainant,
        String message,
        String account,
        String evidence) {

    private static final DateTimeFormatter RECEIVED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public static NotificationView of(Complaint complaint) {
        var complainant = complaint.complainant();
        String name = switch (complainant.salutation()) {
                    case HERR -> "Herr ";
                    case FRAU -> "Frau ";
                    case NONE -> "";
                }
                + complainant.name().orElse("");
        return new NotificationView(
                complaint.mailingId().value(),
                complaint.id().value(),
                complaint.channel().name(),
                RECEIVED_AT.format(complaint.receivedAt()),
                name.isBlank() ? complainant.email() : name.strip() + " <" + complainant.email() + ">",
                complaint.message(),
                complaint.attribution().claimedAccountId().orElse("unknown"),
                evidence(complaint.attribution()));
    }

    private static String evidence(Attribution attribution) {
        if (attribution.quarantined()) {
            return "withheld: a virus was found in the mail";
        }
        return attribution.provenance().flatMap(MailProvenance::evidence).orElse("none");
    }
}
