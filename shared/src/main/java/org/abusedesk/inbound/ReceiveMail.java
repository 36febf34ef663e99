package org.abusedesk.inbound;

import com.github.f4b6a3.ulid.Ulid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
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
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.intake.InputLimits;
import org.abusedesk.metrics.DeskMetrics;
import org.abusedesk.metrics.Measurement;

/**
 * Takes a received mail in: fetches it, reads it, and stores one complaint per reported message. Everything is
 * stored, whatever its classification; the pipe passes only complaints on.
 *
 * <p>The complaint id is derived from the receipt id, the part and the time the mail was stored, and the Mailing
 * ID from the mail itself: a redelivered event, and a mail taken in again without its event, write the same keys,
 * and the table's condition refuses the second write. Never stored twice, even when both run at once.
 */
public final class ReceiveMail {

    private final RawMails rawMails;
    private final MailReader reader;
    private final Complaints complaints;
    private final DeskMetrics metrics;
    private final InboundLimits limits;
    private final Duration retention;
    private final Optional<Replies> replies;

    public ReceiveMail(
            RawMails rawMails,
            MailReader reader,
            Complaints complaints,
            DeskMetrics metrics,
            InboundLimits limits,
            Duration retention) {
        this(rawMails, reader, complaints, metrics, limits, retention, Optional.empty());
    }

    /** Taking in mail that also recognises the sending customers' replies to the desk's notices. */
    public ReceiveMail(
            RawMails rawMails,
            MailReader reader,
            Complaints complaints,
            DeskMetrics metrics,
            InboundLimits limits,
            Duration retention,
            Optional<Replies> replies) {
        this.replies = Objects.requireNonNull(replies, "replies == null");
        this.rawMails = Objects.requireNonNull(rawMails, "rawMails == null");
        this.reader = Objects.requireNonNull(reader, "reader == null");
        this.complaints = Objects.requireNonNull(complaints, "complaints == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
        this.limits = Objects.requireNonNull(limits, "limits == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
    }

    /** Takes in the mail the receiving server's notice names. */
    public List<StoredComplaint> receive(ReceivedMail received) {
        var raw = rawMails.fetch(received.receiptId(), limits.maxBytes());
        var reading = reader.read(raw.bytes());
        if (isReply(received, raw, reading)) {
            return List.of();
        }
        return store(complaints(received, raw, reading));
    }

    /**
     * Takes in a stored mail whose notice was lost or failed: the mail stands in for the notice. It arrived when it
     * was stored, its envelope sender is its {@code Return-Path}, and of the server's verdicts only the virus
     * verdict SES wrote into its header is known.
     */
    public List<StoredComplaint> receiveStored(String receiptId) {
        var raw = rawMails.fetch(receiptId, limits.maxBytes());
        var reading = reader.read(raw.bytes());
        var headers = reading.mail().headers();
        var received = new ReceivedMail(receiptId, raw.storedAt(), envelopeSender(headers), verdicts(headers));
        if (isReply(received, raw, reading)) {
            return List.of();
        }
        return store(complaints(received, raw, reading));
    }

    /** A reply to a notice goes into its case's thread, and is no complaint. */
    private boolean isReply(ReceivedMail received, RawMails.RawMail raw, MailReading reading) {
        return replies.isPresent() && replies.get().take(received, reading.mail());
    }

    /** The complaints a received mail gives, one per reported message, as {@link #receive} stores them. */
    public List<Complaint> complaints(ReceivedMail received, RawMails.RawMail raw) {
        return complaints(received, raw, reader.read(raw.bytes()));
    }

    private List<StoredComplaint> store(List<Complaint> found) {
        var stored = new ArrayList<StoredComplaint>();
        for (var complaint : found) {
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

    private List<Complaint> complaints(ReceivedMail received, RawMails.RawMail raw, MailReading reading) {
        var mail = reading.mail();
        boolean truncated = raw.truncated() || mail.truncated();
        boolean quarantined = received.verdicts().virusFound();
        var complainant = new Complainant(
                // Only From:'s one mailbox: the envelope sender is anybody's to set, and the complainant's address is
                // where the acknowledgement goes. The Return-Path stays in the stored mail, as evidence.
                mail.senderAddress().orElse(""), mail.senderName(), Salutation.NONE, mail.language());
        var found = new ArrayList<Complaint>();
        for (int part = 0; part < reading.reports().size(); part++) {
            var report = reading.reports().get(part);
            var resolution = report.resolution();
            var mailingId =
                    resolution.mailingId().flatMap(ReceiveMail::mailingId).orElse(MailingId.UNATTRIBUTED);
            var key = new ComplaintKey(mailingId, complaintId(received.receiptId(), part, raw.storedAt()));
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
                    report.signature(),
                    received.verdicts(),
                    quarantined);
            found.add(new Complaint(
                    key,
                    Channel.MAIL,
                    reading.classification(),
                    ComplaintState.RECEIVED,
                    received.receivedAt(),
                    complainant,
                    message(mail),
                    new Attribution(
                            resolution.accountId(),
                            resolution.accountSigned(),
                            report.verification(),
                            Optional.of(provenance)),
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

    /** The address SES put into {@code Return-Path}: the envelope sender, or none for a bounce ({@code <>}). */
    static Optional<String> envelopeSender(MailHeaders headers) {
        return headers.first("Return-Path")
                .map(String::strip)
                .map(path -> path.startsWith("<") && path.endsWith(">") ? path.substring(1, path.length() - 1) : path)
                .map(String::strip)
                .filter(path -> !path.isEmpty());
    }

    /**
     * The verdicts of a mail without its notice: unknown, but for the virus verdict SES adds on top of the header.
     * Only the first field counts; one the sender wrote lies below it, and can at worst quarantine its own mail.
     */
    static ReceiptVerdicts verdicts(MailHeaders headers) {
        var virus = Verdict.parse(headers.first("X-SES-Virus-Verdict").orElse(null));
        return new ReceiptVerdicts(Verdict.UNKNOWN, virus, Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN);
    }

    /**
     * A ULID of the time the mail was stored whose random part is a hash of receipt id and part: the same for a
     * redelivered event and for the mail taken in without one. (SES's event timestamp would be known to the event
     * only.)
     */
    public static ComplaintId complaintId(String receiptId, int part, Instant storedAt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((receiptId + "#" + part).getBytes(StandardCharsets.UTF_8));
            var ulid = new Ulid(storedAt.toEpochMilli(), Arrays.copyOf(hash, 10));
            return new ComplaintId(ulid.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
