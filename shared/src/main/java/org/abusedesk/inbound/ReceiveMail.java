package org.abusedesk.inbound;

import com.github.f4b6a3.ulid.Ulid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.DuplicateComplaintException;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.intake.InputLimits;
import org.abusedesk.metrics.DeskMetrics;
import org.abusedesk.metrics.Measurement;

/**
 * Takes a received mail in: fetches it, reads it, and stores one complaint per reported message. Everything is
 * stored, whatever its classification; the pipe passes only complaints on.
 *
 * <p>The complaint id is derived from the receipt id and the part, and the Mailing ID from the mail itself, so a
 * redelivered event writes the same keys and the table's condition refuses the second write: never stored twice.
 */
public final class ReceiveMail {

    private final RawMails rawMails;
    private final MailReader reader;
    private final Complaints complaints;
    private final DeskMetrics metrics;
    private final InboundLimits limits;
    private final Duration retention;

    public ReceiveMail(
            RawMails rawMails,
            MailReader reader,
            Complaints complaints,
            DeskMetrics metrics,
            InboundLimits limits,
            Duration retention) {
        this.rawMails = Objects.requireNonNull(rawMails, "rawMails == null");
        this.reader = Objects.requireNonNull(reader, "reader == null");
        this.complaints = Objects.requireNonNull(complaints, "complaints == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
        this.limits = Objects.requireNonNull(limits, "limits == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
    }

    public List<StoredComplaint> receive(ReceivedMail received) {
        var raw = rawMails.fetch(received.receiptId(), limits.maxBytes());
        var stored = new ArrayList<StoredComplaint>();
        for (var complaint : complaints(received, raw)) {
            boolean duplicate = false;
            try {
                complaints.add(complaint);
                metrics.record(Measurement.ComplaintReceived.of(complaint));
            } catch (DuplicateComplaintException e) {
                duplicate = true;
            }
            var provenance = complaint.attribution().provenance().orElseThrow();
            stored.add(new StoredComplaint(
                    complaint.key(),
                    complaint.classification(),
                    provenance.format(),
                    provenance.mailingIdSource().orElse("none"),
                    duplicate));
        }
        return stored;
    }

    /** The complaints a received mail gives, one per reported message, as {@link #receive} stores them. */
    public List<Complaint> complaints(ReceivedMail received, RawMails.RawMail raw) {
        var reading = reader.read(raw.bytes());
        var mail = reading.mail();
        boolean truncated = raw.truncated() || mail.truncated();
        boolean quarantined = received.verdicts().virusFound();
        var complainant = new Complainant(
                mail.senderAddress().or(received::envelopeSender).orElse(""),
                mail.senderName(),
                Salutation.NONE,
                mail.language());
        var found = new ArrayList<Complaint>();
        for (int part = 0; part < reading.reports().size(); part++) {
            var report = reading.reports().get(part);
            var resolution = report.resolution();
            var mailingId =
                    resolution.mailingId().flatMap(ReceiveMail::mailingId).orElse(MailingId.UNATTRIBUTED);
            var key = new ComplaintKey(mailingId, complaintId(received, part));
            var provenance = new MailProvenance(
                    received.receiptId(),
                    part,
                    report.format(),
                    mailingId.equals(MailingId.UNATTRIBUTED) ? Optional.empty() : resolution.source(),
                    resolution.candidates(),
                    resolution.conflict(),
                    truncated,
                    Optional.of(raw.location()),
                    report.dkim().checks(),
                    received.verdicts(),
                    quarantined);
            found.add(new Complaint(
                    key,
                    Channel.MAIL,
                    mail.classification(),
                    ComplaintState.RECEIVED,
                    received.receivedAt(),
                    complainant,
                    message(mail),
                    new Attribution(
                            resolution.accountId(), report.verified(received.verdicts()), Optional.of(provenance)),
                    received.receivedAt().plus(retention)));
        }
        return found;
    }

    /** The subject and what the complainant typed, as long as the form allows a message to be. */
    private static String message(ParsedMail mail) {
        String message = mail.typed().isEmpty() ? mail.subject() : mail.subject() + "\n\n" + mail.typed();
        return message.length() > InputLimits.MAX_MESSAGE_CHARS
                ? message.substring(0, InputLimits.MAX_MESSAGE_CHARS)
                : message;
    }

    private static Optional<MailingId> mailingId(String value) {
        try {
            return Optional.of(new MailingId(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A ULID of the arrival time whose random part is a hash of receipt id and part: the same for a redelivery. */
    static ComplaintId complaintId(ReceivedMail received, int part) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((received.receiptId() + "#" + part).getBytes(StandardCharsets.UTF_8));
            var ulid = new Ulid(received.receivedAt().toEpochMilli(), Arrays.copyOf(hash, 10));
            return new ComplaintId(ulid.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
