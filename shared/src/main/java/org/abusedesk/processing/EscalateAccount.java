package org.abusedesk.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.Account;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.Accounts;
import org.abusedesk.account.ComplaintRatePolicy;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.StatusChange;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.metrics.DeskMetrics;
import org.abusedesk.metrics.Measurement;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.Mailings;

/** Applies the complaint-rate policy to an account after a complaint was counted; escalates it when it must. */
public final class EscalateAccount {

    private static final Duration DAY = Duration.ofHours(24);

    private final Accounts accounts;
    private final Mailings mailings;
    private final Complaints complaints;
    private final ComplaintRatePolicy policy;
    private final DeskMetrics metrics;

    public EscalateAccount(
            Accounts accounts,
            Mailings mailings,
            Complaints complaints,
            ComplaintRatePolicy policy,
            DeskMetrics metrics) {
        this.accounts = Objects.requireNonNull(accounts, "accounts == null");
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
        this.complaints = Objects.requireNonNull(complaints, "complaints == null");
        this.policy = Objects.requireNonNull(policy, "policy == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    }

    /**
     * Escalates the account if its statistics call for a higher status. Two complaints evaluated at once never
     * escalate twice: the change is conditional on the status it starts from, and the loser re-reads and re-checks.
     *
     * @return the escalations not yet announced to the abuse team, this one included
     */
    public List<StatusChange> evaluate(AccountId accountId, ComplaintKey trigger, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            var account = accounts.find(accountId).orElse(Account.unknown(accountId));
            var statistics = statistics(accountId, trigger.mailingId(), now);
            var escalation = policy.escalation(account.status(), statistics);
            if (escalation.isEmpty()) {
                break;
            }
            var change = new StatusChange(
                    accountId,
                    account.status(),
                    escalation.get().status(),
                    now,
                    escalation.get().reason(),
                    StatusChange.AUTOMATIC,
                    statistics,
                    List.of(trigger.complaintId().value()));
            if (accounts.changeStatus(change)) {
                metrics.record(new Measurement.StatusTransition(change.to()));
                break;
            }
        }
        return accounts.unannouncedEscalations(accountId);
    }

    /**
     * The account's complaint statistics as of {@code now}: its registered mailings of the policy's window, and the
     * busiest day of a mailing without a recipient count, the triggering mailing included even if unregistered.
     */
    public ComplaintStatistics statistics(AccountId accountId, MailingId trigger, Instant now) {
        return statistics(accountId, Optional.of(trigger), now);
    }

    /**
     * The account's complaint statistics as of {@code now}, with no complaint to start from: what a person's status
     * change records.
     */
    public ComplaintStatistics statistics(AccountId accountId, Instant now) {
        return statistics(accountId, Optional.empty(), now);
    }

    private ComplaintStatistics statistics(AccountId accountId, Optional<MailingId> trigger, Instant now) {
        long complaintsCounted = 0;
        long verified = 0;
        long recipients = 0;
        var uncounted = new HashSet<MailingId>();
        for (Mailing mailing :
                mailings.sentBy(accountId, now.minus(policy.thresholds().window()))) {
            if (mailing.recipients().isPresent() && mailing.recipients().getAsLong() > 0) {
                complaintsCounted += mailing.complaints();
                verified += mailing.verifiedComplaints();
                recipients += mailing.recipients().getAsLong();
            } else if (mailing.complaints() > 0) {
                uncounted.add(mailing.id());
            }
        }
        trigger.ifPresent(mailingId -> {
            var triggering = mailings.find(mailingId);
            if (triggering.isEmpty() || triggering.get().recipients().isEmpty()) {
                uncounted.add(mailingId);
            }
        });
        long busiest = 0;
        for (MailingId mailingId : uncounted) {
            busiest = Math.max(busiest, complaints.countSince(mailingId, now.minus(DAY)));
        }
        return new ComplaintStatistics(complaintsCounted, verified, recipients, busiest);
    }
}
