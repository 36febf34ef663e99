package org.abusedesk.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns an event of the bus into one attempt per endpoint that wants its type, each on the attempts queue. */
public final class FanOut {

    private final List<WebhookEndpoint> endpoints;
    private final AttemptQueue queue;

    public FanOut(List<WebhookEndpoint> endpoints, AttemptQueue queue) {
        this.endpoints = List.copyOf(endpoints);
        this.queue = Objects.requireNonNull(queue, "queue == null");
    }

    /** Queues the event's attempts; returns them. */
    public List<Attempt> fanOut(BusEvent event) {
        var attempts = new ArrayList<Attempt>();
        for (int position = 0; position < endpoints.size(); position++) {
            var endpoint = endpoints.get(position);
            if (endpoint.wants(event.type())) {
                attempts.add(Attempt.of(event, position, endpoint));
            }
        }
        if (!attempts.isEmpty()) {
            queue.enqueue(attempts);
        }
        return List.copyOf(attempts);
    }
}
