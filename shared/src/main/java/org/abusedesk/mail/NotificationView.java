package org.abusedesk.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.abusedesk.complaint.Complaint;

/** What the abuse-team notification templates show of a complaint, as text. */
public record NotificationView(
        String mailingId, String reference, String channel, String receivedAt, String complainant, String message) {

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
                complaint.message());
    }
}
