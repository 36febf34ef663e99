package org.abusedesk.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.Thresholds;

/**
 * Which accounts come nearest to their next threshold: the smallest gap between the rate and the threshold above the
 * account's status, relative to that threshold. PAUSED accounts have none above them and come first, as at their
 * highest; the PAUSED threshold is one of verified complaints, so a FLAGGED account's gap is that of its verified
 * rate, as the escalation compares it.
 */
public final class NearestThresholds {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Thresholds thresholds;

    public NearestThresholds(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds == null");
    }

    /**
     * At most {@code limit} of {@code standings}: PAUSED first, then the smallest gap; ties by the higher rate, then by
     * account id.
     */
    public List<AccountStanding> nearest(List<AccountStanding> standings, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0");
        }
        return standings.stream()
                .sorted(Comparator.comparing((AccountStanding standing) -> standing.status() != AccountStatus.PAUSED)
                        .thenComparing(this::gap)
                        .thenComparing(AccountStanding::ratePercent, Comparator.reverseOrder())
                        .thenComparing(standing -> standing.accountId().value()))
                .limit(limit)
                .toList();
    }

    /**
     * How far the account's rate is below its next threshold, as a share of that threshold: 1 with no complaints, 0
     * at the threshold, below 0 past it (the rate is reached, the minimum of complaints not yet); 0 for PAUSED, at
     * its highest.
     */
    public BigDecimal gap(AccountStanding standing) {
        var statistics = standing.statistics();
        return switch (standing.status()) {
            case PAUSED -> BigDecimal.ZERO;
            case FLAGGED -> gap(statistics.verifiedRatePercent(), thresholds.pausedRatePercent());
            case WATCH -> gap(statistics.ratePercent(), thresholds.flaggedRatePercent());
            case ACTIVE -> gap(statistics.ratePercent(), thresholds.watchRatePercent());
        };
    }

    /** The threshold above the status, the one {@link #gap} measures against; PAUSED's own for a PAUSED account. */
    public BigDecimal nextThreshold(AccountStatus status) {
        return switch (status) {
            case ACTIVE -> thresholds.watchRatePercent();
            case WATCH -> thresholds.flaggedRatePercent();
            case FLAGGED, PAUSED -> thresholds.pausedRatePercent();
        };
    }

    private static BigDecimal gap(BigDecimal ratePercent, BigDecimal thresholdPercent) {
        if (thresholdPercent.signum() == 0) {
            // A threshold of 0 % is reached by any account: none is nearer.
            return BigDecimal.ZERO;
        }
        return thresholdPercent.subtract(ratePercent).divide(thresholdPercent, PRECISION);
    }
}
