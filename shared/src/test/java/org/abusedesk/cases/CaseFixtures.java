package org.abusedesk.cases;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verification;

/** Complaints as the form and the inbound function store them, for the tests of cases. */
public final class CaseFixtures {

    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    public static final String ERIKA = "erika.muster@example.net";

    private CaseFixtures() {}

    /** A complaint id of the instant, as the desk gives them: a ULID, which sorts by its time. */
    public static ComplaintId idAt(Instant at) {
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random);
        return new ComplaintId(new Ulid(at.toEpochMilli(), random).toString());
    }

    public static Complaint form(String mailingId, Instant at, ComplaintState state, String email) {
        return new Complaint(
                new ComplaintKey(new MailingId(mailingId), idAt(at)),
                Channel.FORM,
                Classification.COMPLAINT,
                state,
                at,
                new Complainant(email, Optional.of("Erika Muster"), Salutation.FRAU, Language.DE),
                "Ich habe mich nie angemeldet.",
                Attribution.NONE,
                at.plus(Duration.ofDays(180)));
    }

    public static Complaint mailed(
            String mailingId, Instant at, ComplaintState state, String email, String receiptId, boolean quarantined) {
        var provenance = new MailProvenance(
                receiptId,
                0,
                ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:X-Mailing"),
                List.of(),
                false,
                false,
                Optional.of("memory://" + receiptId),
                List.of(),
                Optional.empty(),
                ReceiptVerdicts.UNKNOWN,
                quarantined);
        return new Complaint(
                new ComplaintKey(new MailingId(mailingId), idAt(at)),
                Channel.MAIL,
                Classification.COMPLAINT,
                state,
                at,
                new Complainant(email, Optional.of("Erika Muster"), Salutation.NONE, Language.DE),
                "Spam\n\nSchon wieder.",
                new Attribution(Optional.of("121070"), false, Verification.SIGNED_BY_SENDER, Optional.of(provenance)),
                at.plus(Duration.ofDays(180)));
    }

    /** A mailed complaint whose raw mail is kept elsewhere: {@code s3://bucket/key}, say. */
    public static Complaint withEvidence(Complaint complaint, String evidence) {
        var attribution = complaint.attribution();
        var provenance = attribution.provenance().orElseThrow();
        return new Complaint(
                complaint.key(),
                complaint.channel(),
                complaint.classification(),
                complaint.state(),
                complaint.receivedAt(),
                complaint.complainant(),
                complaint.message(),
                new Attribution(
                        attribution.claimedAccountId(),
                        attribution.accountSigned(),
                        attribution.verification(),
                        Optional.of(new MailProvenance(
                                provenance.receiptId(),
                                provenance.part(),
                                provenance.format(),
                                provenance.mailingIdSource(),
                                provenance.candidates(),
                                provenance.conflict(),
                                provenance.truncated(),
                                Optional.of(evidence),
                                provenance.dkim(),
                                provenance.signature(),
                                provenance.verdicts(),
                                provenance.quarantined()))),
                complaint.expiresAt());
    }

    public static Complaint classified(Complaint complaint, Classification classification) {
        return new Complaint(
                complaint.key(),
                complaint.channel(),
                classification,
                complaint.state(),
                complaint.receivedAt(),
                complaint.complainant(),
                complaint.message(),
                complaint.attribution(),
                complaint.expiresAt());
    }

    public static Complaint expiringAt(Complaint complaint, Instant expiresAt) {
        return new Complaint(
                complaint.key(),
                complaint.channel(),
                complaint.classification(),
                complaint.state(),
                complaint.receivedAt(),
                complaint.complainant(),
                complaint.message(),
                complaint.attribution(),
                expiresAt);
    }
}
