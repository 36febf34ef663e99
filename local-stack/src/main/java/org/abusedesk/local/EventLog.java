package org.abusedesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events the stack's pipes put on its event bus, oldest first: what a rule on the bus would have seen, kept
 * because the moto server keeps no record of the events it routes.
 */
public final class EventLog {

    /** One event as the bus received it: its envelope's time, source and detail type, and its detail. */
    public record Event(Instant time, String source, String detailType, JsonNode detail) {

        public Event {
            Objects.requireNonNull(time, "time == null");
            Objects.requireNonNull(source, "source == null");
            Objects.requireNonNull(detailType, "detailType == null");
            Objects.requireNonNull(detail, "detail == null");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    public EventLog(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Keeps an event the bus accepted; its detail is the JSON text the pipe's input template made. */
    void received(String source, String detailType, String detail) {
        try {
            events.add(new Event(clock.instant(), source, detailType, JSON.readTree(detail)));
        } catch (IOException e) {
            // The bus refuses a detail that is no JSON object, so one that got this far is JSON.
            throw new UncheckedIOException("the bus took a detail that is no JSON: " + e.getMessage(), e);
        }
    }

    /** Every event received so far, oldest first. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of one detail type, oldest first. */
    public List<Event> events(String detailType) {
        return events.stream().filter(e -> e.detailType().equals(detailType)).toList();
    }

    /** The events as a JSON array, oldest first, each in the envelope's field names EventBridge rules match. */
    public String json() {
        ArrayNode array = JSON.createArrayNode();
        for (var event : events) {
            var node = array.addObject();
            node.put("time", event.time().toString());
            node.put("source", event.source());
            node.put("detail-type", event.detailType());
            node.set("detail", event.detail());
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
