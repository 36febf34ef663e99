package org.abusedesk.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The published complaint-rate thresholds (design brief defaults). Rates are in percent of recipients.
 *
 * @param window how far back registered mailings count towards an account's rate
 */
public record Thresholds(
        BigDecimal watchRatePercent,
        long watchMinComplaints,
        BigDecimal flaggedRatePercent,
        long flaggedMinComplaints,
        BigDecimal pausedRatePercent,
        long pausedMinVerifiedComplaints,
        long flaggedWithoutRecipientsIn24h,
        Duration window) {

    /** WATCH ≥ 0.05 % and 3; FLAGGED ≥ 0.1 % and 3; PAUSED ≥ 0.3 % and 10 verified; 5 in 24 h uncounted; 30 days. */
    public static final Thresholds DEFAULTS = new Thresholds(
            new BigDecimal("0.05"), 3, new BigDecimal("0.1"), 3, new BigDecimal("0.3"), 10, 5, Duration.ofDays(30));

    public Thresholds {
        Objects.requireNonNull(watchRatePercent, "watchRatePercent == null");
        Objects.requireNonNull(flaggedRatePercent, "flaggedRatePercent == null");
        Objects.requireNonNull(pausedRatePercent, "pausedRatePercent == null");
        Objects.requireNonNull(window, "window == null");
        if (watchRatePercent.compareTo(flaggedRatePercent) > 0 || flaggedRatePercent.compareTo(pausedRatePercent) > 0) {
            throw new IllegalArgumentException("thresholds must rise from WATCH to FLAGGED to PAUSED");
        }
    }
}
