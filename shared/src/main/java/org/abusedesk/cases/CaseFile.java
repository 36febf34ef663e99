package org.abusedesk.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.evidence.OptInEvidence;

/**
 * Everything stored about one complaint: the complaint with its provenance and verdicts, and what the desk and the
 * abuse team did with it since.
 *
 * @param account the account it was counted against; empty until counted, or when the account is unknown
 * @param acknowledgedAt when the complainant's acknowledgement was recorded
 * @param closure how the abuse team resolved or dismissed it
 * @param erasedAt when the complainant's personal data was erased: address, name and message are empty since
 * @param optInEvidence what the platform's evidence endpoint answered about the recipient's opt-in, if it was asked
 * @param dueAt until when the sending customer was asked to answer, while the case is WAITING_FOR_CUSTOMER
 * @param outcomeToldAt when the complainant was told the outcome; it is told once
 */
public record CaseFile(
        Complaint complaint,
        Optional<AccountId> account,
        Optional<Instant> acknowledgedAt,
        Optional<CaseClosure> closure,
        Optional<Instant> erasedAt,
        Optional<OptInEvidence> optInEvidence,
        Optional<Instant> dueAt,
        Optional<Instant> outcomeToldAt) {

    /** A case nobody asked the customer about, nor told the complainant the outcome of. */
    public CaseFile(
            Complaint complaint,
            Optional<AccountId> account,
            Optional<Instant> acknowledgedAt,
            Optional<CaseClosure> closure,
            Optional<Instant> erasedAt,
            Optional<OptInEvidence> optInEvidence) {
        this(complaint, account, acknowledgedAt, closure, erasedAt, optInEvidence, Optional.empty(), Optional.empty());
    }

    public CaseFile {
        Objects.requireNonNull(complaint, "complaint == null");
        Objects.requireNonNull(account, "account == null");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt == null");
        Objects.requireNonNull(closure, "closure == null");
        Objects.requireNonNull(erasedAt, "erasedAt == null");
        Objects.requireNonNull(optInEvidence, "optInEvidence == null");
        Objects.requireNonNull(dueAt, "dueAt == null");
        Objects.requireNonNull(outcomeToldAt, "outcomeToldAt == null");
    }

    public ComplaintState state() {
        return complaint.state();
    }

    /** Whether the customer was asked and the date to answer has passed, the case still waiting. */
    public boolean overdueAt(Instant now) {
        return complaint.state() == ComplaintState.WAITING_FOR_CUSTOMER
                && dueAt.filter(due -> !due.isAfter(now)).isPresent();
    }

    public CaseSummary summary() {
        return new CaseSummary(
                complaint.key(),
                complaint.state(),
                complaint.classification(),
                complaint.channel(),
                complaint.receivedAt(),
                account,
                complaint.attribution().claimedAccountId(),
                complaint.attribution().verified(),
                complaint.attribution().provenance().flatMap(p -> p.mailingIdSource()),
                erasedAt,
                complaint.state() == ComplaintState.WAITING_FOR_CUSTOMER ? dueAt : Optional.empty());
    }

    @Override
    public String toString() {
        return "CaseFile[" + complaint + "]";
    }
}
