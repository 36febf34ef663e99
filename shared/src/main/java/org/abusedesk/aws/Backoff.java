package org.abusedesk.aws;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again what DynamoDB left unprocessed: doubling from {@code first} up to {@code
 * max}, each wait drawn between half and all of that (so that many writers do not come back at once), for at most
 * {@code attempts} tries in all.
 */
record Backoff(Duration first, Duration max, int attempts, Sleeper sleeper) {

    /** Waits; a test's sleeper only records. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** 50 ms, doubling to 2 s, 8 tries: about 5 s of waiting before a write is given up. */
    static final Backoff DEFAULT =
            new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 8, duration -> Thread.sleep(duration));

    Backoff {
        Objects.requireNonNull(first, "first == null");
        Objects.requireNonNull(max, "max == null");
        Objects.requireNonNull(sleeper, "sleeper == null");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts < 1");
        }
    }

    /** Waits before try {@code attempt} (2 for the first retry). */
    void before(int attempt) {
        long ceiling = Math.min(max.toMillis(), first.toMillis() << Math.min(attempt - 2, 20));
        long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
