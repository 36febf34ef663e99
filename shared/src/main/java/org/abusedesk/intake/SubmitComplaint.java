package org.abusedesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.DuplicateComplaintException;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.metrics.Measurement;

/**
 * Takes a complaint in from the form or the JSON API: validates it, counts it against its source's limit and
 * stores it, once, however often the same submission is retried.
 *
 * <p>A retry with a known idempotency key gets the first complaint's reference, and writes that complaint again
 * if the first attempt stopped between recording the key and storing the complaint: a key never points at a
 * complaint that is not there.
 */
public final class SubmitComplaint {

    /** How long idempotency keys are remembered: longer than a form token lives, so a form's retry always finds its. */
    public static final Duration IDEMPOTENCY_WINDOW = FormTokens.MAX_AGE.multipliedBy(2);

    private final Complaints complaints;
    private final IdempotencyRecords idempotency;
    private final SourceCounter sources;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final Duration retention;
    private final SubmissionValidator validator;

    public SubmitComplaint(
            Complaints complaints,
            IdempotencyRecords idempotency,
            SourceCounter sources,
            IntakeMetrics metrics,
            MailingIdFormat mailingIdFormat,
            Clock clock,
            Duration retention) {
        this.complaints = Objects.requireNonNull(complaints, "complaints == null");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency == null");
        this.sources = Objects.requireNonNull(sources, "sources == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
        this.validator = new SubmissionValidator(mailingIdFormat);
    }

    /**
     * Stores the submission as a new complaint, or finds the complaint an earlier try with its idempotency key
     * became.
     *
     * @throws InvalidSubmissionException naming every field that cannot be accepted; nothing is stored then
     * @throws IdempotencyKeyReusedException when the key became a complaint of other content before
     */
    public SubmissionResult submit(ComplaintSubmission submission, Submitter submitter) {
        var valid = validator.validate(submission);
        var now = clock.instant();
        Optional<IdempotencyKey> idempotencyKey = submitter.idempotencyKey();
        // Only a submission with a key is ever compared with another.
        String fingerprint = idempotencyKey.isPresent() ? fingerprint(valid) : null;
        if (idempotencyKey.isPresent()) {
            var known = idempotency.find(idempotencyKey.get(), now);
            if (known.isPresent()) {
                return replay(known.get(), fingerprint, valid);
            }
        }
        if (sources.admit(submitter.source(), now) instanceof Admission.Refused refused) {
            metrics.count(IntakeEvent.RATE_LIMITED);
            return new SubmissionResult.Limited(refused.retryAfter());
        }
        var key = new ComplaintKey(valid.mailingId(), ComplaintId.generate());
        if (idempotencyKey.isPresent()) {
            var record =
                    new IdempotencyRecord(idempotencyKey.get(), fingerprint, key, now, now.plus(IDEMPOTENCY_WINDOW));
            var holding = idempotency.putIfAbsent(record);
            if (!holding.complaint().equals(key)) {
                // A concurrent try with the same key (a double click) recorded its complaint first.
                return replay(holding, fingerprint, valid);
            }
        }
        try {
            store(complaint(key, valid, now));
        } catch (DuplicateComplaintException e) {
            if (idempotencyKey.isEmpty()) {
                throw e;
            }
            // A retry with the same key found it recorded and stored this very complaint first: it is stored once.
        }
        return new SubmissionResult.Accepted(key, false);
    }

    SubmissionValidator validator() {
        return validator;
    }

    private SubmissionResult replay(IdempotencyRecord record, String fingerprint, SubmissionValidator.Valid valid) {
        if (!record.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(record.complaint());
        }
        try {
            store(complaint(record.complaint(), valid, record.receivedAt()));
        } catch (DuplicateComplaintException e) {
            // The usual case: the first try stored it.
        }
        metrics.count(IntakeEvent.REPLAYED);
        return new SubmissionResult.Accepted(record.complaint(), true);
    }

    /** Stores the complaint and counts it: only here, so a complaint is counted once however often it is sent. */
    private void store(Complaint complaint) {
        complaints.add(complaint);
        metrics.record(Measurement.ComplaintReceived.of(complaint));
    }

    private Complaint complaint(ComplaintKey key, SubmissionValidator.Valid valid, Instant receivedAt) {
        return new Complaint(
                key,
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                receivedAt,
                valid.complainant(),
                valid.message(),
                Attribution.NONE,
                receivedAt.plus(retention));
    }

    /** A hash of everything the complaint would hold: equal for a retry, different for other content. */
    private static String fingerprint(SubmissionValidator.Valid valid) {
        var complainant = valid.complainant();
        String content = String.join(
                "\u0000",
                valid.mailingId().value(),
                complainant.email(),
                complainant.name().orElse(""),
                complainant.salutation().name(),
                complainant.language().name(),
                Boolean.toString(complainant.consentToShare()),
                valid.message());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
