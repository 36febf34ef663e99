package org.abusedesk.delivery;

import java.time.Duration;

/**
 * When a failed attempt is tried again: after the first delay, doubled with each failure, at most 120 times the first
 * (1 min, 2, 4, … 64, then every 2 h), for as long as the delivery lasts (24 h). The attempts queue's
 * {@code maxReceiveCount} is {@link #attempts()}: the next receive moves the message to the dead-letter queue.
 */
public record RetrySchedule(Duration firstDelay, Duration lasting) {

    /** The deployed schedule: 1 min, 2, 4, … capped at 2 h, for 24 h. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(24));

    /** The longest delay, as a multiple of the first: 2 h after 1 min. */
    static final int CAP_FACTOR = 120;

    public RetrySchedule {
        if (firstDelay.isNegative() || firstDelay.isZero() || lasting.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("a retry schedule needs a positive first delay within its length");
        }
    }

    /** The same schedule at another scale: how tests try it in seconds. */
    public static RetrySchedule startingAfter(Duration firstDelay) {
        return new RetrySchedule(firstDelay, firstDelay.multipliedBy(DEFAULT.lasting.dividedBy(DEFAULT.firstDelay)));
    }

    /** The delay after the attempt of this receive count (1 for the first) failed. */
    public Duration delayAfter(int receiveCount) {
        int failures = Math.max(1, receiveCount);
        // 2^7 = 128 already exceeds the cap of 120: no shift beyond it, so no overflow.
        long factor = failures > 8 ? CAP_FACTOR : Math.min(CAP_FACTOR, 1L << (failures - 1));
        return firstDelay.multipliedBy(factor);
    }

    /** How many attempts start within the schedule's length, the first at once. */
    public int attempts() {
        int attempts = 1;
        Duration next = delayAfter(1);
        while (next.compareTo(lasting) <= 0) {
            attempts++;
            next = next.plus(delayAfter(attempts));
        }
        return attempts;
    }
}
