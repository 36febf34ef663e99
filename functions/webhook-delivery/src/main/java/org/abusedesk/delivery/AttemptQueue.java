package org.abusedesk.delivery;

import java.time.Duration;
import java.util.List;

/** The attempts queue: where the fan-out puts one attempt per endpoint, and where a failed one waits its backoff. */
public interface AttemptQueue {

    /**
     * Puts every attempt on the queue.
     *
     * @throws RuntimeException when any was not taken: the event is fanned out again, its attempts under the same IDs
     */
    void enqueue(List<Attempt> attempts);

    /** Makes the received message of this receipt handle come back after the delay. */
    void retryAfter(String receiptHandle, Duration delay);
}
