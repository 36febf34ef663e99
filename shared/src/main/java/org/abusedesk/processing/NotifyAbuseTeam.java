package org.abusedesk.processing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.Accounts;
import org.abusedesk.account.StatusChange;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.metrics.DeskMetrics;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.Mailings;

/**
 * Mails the abuse team about counted complaints without flooding it: at most one mail per mailing per window,
 * later complaints go into the next one, an escalation goes out at once, and a flush sends what waited. Across all
 * mailings a {@link TeamMailBudget} caps the mails of a window; past it complaints wait, and the next flush mails one
 * digest of what the window held back. A summary lists {@link Notification.Paging#SIZE} complaints a mail, at most
 * {@link #MAX_PAGES} mails at once; what is left waits for the mailing's next summary.
 */
public final class NotifyAbuseTeam {

    /** What became of a complaint's notification. */
    public enum Outcome {
        SENT,
        /** Within the mailing's window: it goes into the next mail. */
        DEFERRED
    }

    private final Complaints complaints;
    private final Mailings mailings;
    private final Accounts accounts;
    /** Mails one summary sends at once at most; further complaints wait for the mailing's next window. */
    static final int MAX_PAGES = 5;

    private final NotificationThrottle throttle;
    private final TeamMailBudget budget;
    private final AbuseTeamNotifier notifier;
    private final HeldBackNotifier digests;
    private final DeskMetrics metrics;
    private final Duration window;

    public NotifyAbuseTeam(
            Complaints complaints,
            Mailings mailings,
            Accounts accounts,
            NotificationThrottle throttle,
            TeamMailBudget budget,
            AbuseTeamNotifier notifier,
            HeldBackNotifier digests,
            DeskMetrics metrics,
            Duration window) {
        this.complaints = Objects.requireNonNull(complaints, "complaints == null");
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
        this.accounts = Objects.requireNonNull(accounts, "accounts == null");
        this.throttle = Objects.requireNonNull(throttle, "throttle == null");
        this.budget = Objects.requireNonNull(budget, "budget == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.digests = Objects.requireNonNull(digests, "digests == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
        this.window = Objects.requireNonNull(window, "window == null");
    }

    /**
     * Mails the complaint now, with whatever of its mailing waits, or defers it to the mailing's next mail.
     *
     * @param escalations escalations of the complaint's account not yet announced: they are mailed at once
     */
    public Outcome notify(
            Complaint complaint, Optional<AccountId> account, List<StatusChange> escalations, Instant now) {
        var mailingId = complaint.mailingId();
        if (!escalations.isEmpty()) {
            // An escalation goes out whatever the budget says, and spends from it.
            throttle.claimNow(mailingId, now);
            budget.take(now);
        } else if (!throttle.claim(mailingId, now, window)) {
            throttle.markPending(mailingId, now);
            return Outcome.DEFERRED;
        } else if (!budget.take(now)) {
            hold(mailingId, now);
            return Outcome.DEFERRED;
        }
        send(mailingId, account, escalations, now, Optional.of(complaint));
        return Outcome.SENT;
    }

    /**
     * Mails the digest of what the last window held back, if it held any, then one summary for each mailing whose
     * waiting complaints' window has passed, while the budget lasts; returns how many mails.
     */
    public int flush(Instant now) {
        int sent = 0;
        var heldBack = budget.claimDigest(now);
        if (heldBack.isPresent()) {
            digests.notify(heldBack.get());
            metrics.record(new NotificationSent(NotificationSent.Kind.DIGEST));
            sent++;
        }
        for (MailingId mailingId : throttle.due(now, window)) {
            if (!throttle.claim(mailingId, now, window)) {
                continue;
            }
            if (!budget.take(now)) {
                hold(mailingId, now);
                continue;
            }
            var waiting = complaints.awaitingNotification(mailingId, now);
            if (waiting.isEmpty()) {
                clearPending(mailingId, now);
                continue;
            }
            var account = accountOf(mailingId, waiting.get(0));
            var escalations = account.map(accounts::unannouncedEscalations).orElse(List.of());
            sent += send(mailingId, account, escalations, now, Optional.empty());
        }
        return sent;
    }

    /** The mailing's complaints wait: its mark stays for the next flush, and the window's digest names it. */
    private void hold(MailingId mailingId, Instant now) {
        throttle.markPending(mailingId, now);
        budget.hold(mailingId, now);
    }

    /** Mails the first pages of what waits, the first already paid from the budget; returns how many mails. */
    private int send(
            MailingId mailingId,
            Optional<AccountId> account,
            List<StatusChange> escalations,
            Instant now,
            Optional<Complaint> trigger) {
        var reported = new ArrayList<>(complaints.awaitingNotification(mailingId, now));
        trigger.filter(t -> reported.stream().noneMatch(c -> c.key().equals(t.key())))
                .ifPresent(reported::add);
        var mailing = mailings.find(mailingId);
        var status = account.flatMap(accounts::find).map(a -> a.status()).orElse(AccountStatus.ACTIVE);
        long counted = mailing.map(Mailing::complaints).orElse((long) reported.size());
        int size = Notification.Paging.SIZE;
        int pages = Math.max(1, Math.min(MAX_PAGES, (reported.size() + size - 1) / size));
        int sent = 0;
        for (int page = 0; page < pages; page++) {
            if (page > 0 && !budget.take(now)) {
                budget.hold(mailingId, now);
                break;
            }
            var listed = reported.subList(page * size, Math.min(reported.size(), (page + 1) * size));
            long waiting = reported.size() - (long) Math.min(reported.size(), pages * size);
            notifier.notify(new Notification(
                    mailingId,
                    mailing,
                    account,
                    status,
                    escalations.isEmpty() ? Optional.empty() : Optional.of(escalations.get(escalations.size() - 1)),
                    listed,
                    counted,
                    mailing.flatMap(m -> rate(counted, m)),
                    new Notification.Paging(page + 1, pages, waiting)));
            metrics.record(new NotificationSent(
                    trigger.isPresent() ? NotificationSent.Kind.ABUSE_TEAM : NotificationSent.Kind.SUMMARY));
            // Written after the send: a crash in between mails these complaints again, never not at all.
            if (page == 0) {
                escalations.forEach(accounts::markAnnounced);
            }
            listed.forEach(c -> complaints.advance(c.key(), ComplaintState.COUNTED, ComplaintState.NOTIFIED));
            sent++;
        }
        clearPending(mailingId, now);
        return sent;
    }

    /**
     * Clears the mailing's pending mark, then looks again: a complaint counted while this mail was being made found
     * the window taken and the mark set, so it set none of its own, and would otherwise wait for no mail at all. One
     * counted after the look finds the mark cleared and sets it.
     */
    private void clearPending(MailingId mailingId, Instant now) {
        throttle.clearPending(mailingId);
        if (!complaints.awaitingNotification(mailingId, now).isEmpty()) {
            throttle.markPending(mailingId, now);
        }
    }

    private Optional<AccountId> accountOf(MailingId mailingId, Complaint complaint) {
        return mailings.find(mailingId)
                .map(Mailing::accountId)
                .or(() -> complaint.attribution().provenAccountId().map(AccountId::new));
    }

    private static Optional<BigDecimal> rate(long complaints, Mailing mailing) {
        if (mailing.recipients().isEmpty() || mailing.recipients().getAsLong() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(complaints)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(mailing.recipients().getAsLong()), 4, RoundingMode.HALF_UP));
    }
}
