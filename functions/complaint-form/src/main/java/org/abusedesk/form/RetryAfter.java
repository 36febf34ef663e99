package org.abusedesk.form;

import java.time.Duration;

/** The whole seconds of a Retry-After header: rounded up, and at least one. */
final class RetryAfter {

    private RetryAfter() {}

    static long seconds(Duration retryAfter) {
        long millis = Math.max(retryAfter.toMillis(), 1);
        return (millis + 999) / 1000;
    }

    static long minutes(Duration retryAfter) {
        return (seconds(retryAfter) + 59) / 60;
    }
}
