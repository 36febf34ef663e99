package org.abusedesk.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * When the reconciler steps in.
 *
 * @param mailGrace how long a stored mail's event may take before the mail is taken in without it
 * @param stuckAfter how long a complaint may stay received or counted before its key is queued again
 * @param lookback how far back stored mail is examined
 */
public record ReconcileWindows(Duration mailGrace, Duration stuckAfter, Duration lookback) {

    /** The template's defaults: mail after 15 minutes, complaints after 30, mail of the last 72 hours. */
    public static final ReconcileWindows DEFAULT =
            new ReconcileWindows(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(72));

    public ReconcileWindows {
        Objects.requireNonNull(mailGrace, "mailGrace == null");
        Objects.requireNonNull(stuckAfter, "stuckAfter == null");
        Objects.requireNonNull(lookback, "lookback == null");
        if (mailGrace.isNegative()) {
            throw new IllegalArgumentException("mailGrace is negative: " + mailGrace);
        }
        if (stuckAfter.isNegative()) {
            throw new IllegalArgumentException("stuckAfter is negative: " + stuckAfter);
        }
        if (lookback.compareTo(mailGrace) <= 0) {
            throw new IllegalArgumentException("lookback " + lookback + " is not longer than mailGrace " + mailGrace);
        }
    }
}
