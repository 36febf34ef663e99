package org.abusedesk.account;

import java.util.Objects;
import java.util.Optional;

/** The published rules that say which status an account's complaint statistics call for. */
public final class ComplaintRatePolicy {

    /** A status the statistics call for, and the rule that calls for it, in words. */
    public record Verdict(AccountStatus status, String reason) {}

    private final Thresholds thresholds;

    public ComplaintRatePolicy(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds == null");
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** The highest status the statistics reach; ACTIVE when no rule applies. */
    public Verdict evaluate(ComplaintStatistics statistics) {
        var t = thresholds;
        // Only verified complaints count towards PAUSED: a forged form flood must never pause a customer.
        if (statistics.verifiedComplaints() >= t.pausedMinVerifiedComplaints()
                && statistics.verifiedRateReaches(t.pausedRatePercent())) {
            return new Verdict(
                    AccountStatus.PAUSED,
                    "verified complaint rate " + statistics.verifiedRatePercent()
                            + " % >= " + t.pausedRatePercent() + " % with " + statistics.verifiedComplaints()
                            + " verified complaints");
        }
        if (statistics.complaints() >= t.flaggedMinComplaints() && statistics.rateReaches(t.flaggedRatePercent())) {
            return new Verdict(AccountStatus.FLAGGED, rateReason(statistics, t.flaggedRatePercent()));
        }
        if (statistics.mostComplaintsOnOneUncountedMailingIn24h() >= t.flaggedWithoutRecipientsIn24h()) {
            return new Verdict(
                    AccountStatus.FLAGGED,
                    statistics.mostComplaintsOnOneUncountedMailingIn24h()
                            + " complaints within 24 h on a mailing without a recipient count");
        }
        if (statistics.complaints() >= t.watchMinComplaints() && statistics.rateReaches(t.watchRatePercent())) {
            return new Verdict(AccountStatus.WATCH, rateReason(statistics, t.watchRatePercent()));
        }
        return new Verdict(AccountStatus.ACTIVE, "below every threshold");
    }

    /** The escalation the statistics call for from the current status; status never falls automatically. */
    public Optional<Verdict> escalation(AccountStatus current, ComplaintStatistics statistics) {
        var verdict = evaluate(statistics);
        return verdict.status().isAbove(current) ? Optional.of(verdict) : Optional.empty();
    }

    private static String rateReason(ComplaintStatistics statistics, java.math.BigDecimal threshold) {
        return "complaint rate " + statistics.ratePercent() + " % >= " + threshold + " % with "
                + statistics.complaints() + " complaints on " + statistics.recipients() + " recipients";
    }
}
