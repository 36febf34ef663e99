package org.abusedesk.processing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.StatusChange;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.metrics.DeskMetrics;
import org.abusedesk.metrics.Measurement;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.Mailings;

/**
 * Drives one queued complaint on from where its last delivery stopped: count it, escalate its account, acknowledge
 * it, notify the abuse team, then the sending customer.
 *
 * <p>Queues and streams deliver at least once and functions die mid-batch, so every step is conditional on the
 * state before it: counting happens in one transaction with the step RECEIVED → COUNTED, escalations are
 * conditional on the status they start from, and COUNTED → NOTIFIED is written after the mail was handed over.
 */
public final class ProcessComplaint {

    private final Complaints complaints;
    private final Mailings mailings;
    private final ComplaintLedger ledger;
    private final EscalateAccount escalate;
    private final AcknowledgeComplainant acknowledge;
    private final NotifyAbuseTeam notify;
    private final DeskMetrics metrics;
    private final Clock clock;
    private final Optional<CustomerNotices> customer;

    public ProcessComplaint(
            Complaints complaints,
            Mailings mailings,
            ComplaintLedger ledger,
            EscalateAccount escalate,
            AcknowledgeComplainant acknowledge,
            NotifyAbuseTeam notify,
            DeskMetrics metrics,
            Clock clock) {
        this(complaints, mailings, ledger, escalate, acknowledge, notify, metrics, clock, Optional.empty());
    }

    /** Processing that also sends the sending customer its notice, after the abuse team's mail. */
    public ProcessComplaint(
            Complaints complaints,
            Mailings mailings,
            ComplaintLedger ledger,
            EscalateAccount escalate,
            AcknowledgeComplainant acknowledge,
            NotifyAbuseTeam notify,
            DeskMetrics metrics,
            Clock clock,
            Optional<CustomerNotices> customer) {
        this.customer = Objects.requireNonNull(customer, "customer == null");
        this.complaints = Objects.requireNonNull(complaints, "complaints == null");
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
        this.ledger = Objects.requireNonNull(ledger, "ledger == null");
        this.escalate = Objects.requireNonNull(escalate, "escalate == null");
        this.acknowledge = Objects.requireNonNull(acknowledge, "acknowledge == null");
        this.notify = Objects.requireNonNull(notify, "notify == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public ProcessingOutcome process(ComplaintKey key) {
        var now = clock.instant();
        var found = complaints.find(key, now);
        if (found.isEmpty()) {
            return ProcessingOutcome.NOT_FOUND;
        }
        var complaint = found.get();
        if (complaint.classification() != Classification.COMPLAINT) {
            return ProcessingOutcome.NOT_COUNTED;
        }
        var account = accountOf(complaint);
        if (complaint.state() == ComplaintState.RECEIVED) {
            ledger.count(complaint, account);
            complaint = complaints.find(key, now).orElse(complaint);
        }
        if (complaint.state() != ComplaintState.COUNTED) {
            return ProcessingOutcome.ALREADY_DONE;
        }
        List<StatusChange> escalations =
                account.map(a -> escalate.evaluate(a, key, now)).orElse(List.of());
        acknowledge.acknowledge(complaint, now);
        var outcome = notify.notify(complaint, account, escalations, now);
        var counted = complaint;
        customer.ifPresent(
                notices -> notices.counted(counted, escalations, outcome == NotifyAbuseTeam.Outcome.SENT, now));
        metrics.record(new Measurement.ProcessingLatency(complaint.channel(), sinceReceipt(complaint)));
        return outcome == NotifyAbuseTeam.Outcome.SENT ? ProcessingOutcome.NOTIFIED : ProcessingOutcome.DEFERRED;
    }

    private Duration sinceReceipt(Complaint complaint) {
        var latency = Duration.between(complaint.receivedAt(), clock.instant());
        // SES stamps a mail's arrival by its own clock, which may run a little ahead of this one.
        return latency.isNegative() ? Duration.ZERO : latency;
    }

    /**
     * The registry's account for the complaint's mailing; else the account a verified signature names. An account the
     * mail merely claims (an unsigned {@code X-Client}) is kept as evidence, and escalates nobody.
     */
    private Optional<AccountId> accountOf(Complaint complaint) {
        return mailings.find(complaint.mailingId())
                .map(Mailing::accountId)
                .or(() -> complaint.attribution().provenAccountId().map(AccountId::new));
    }
}
