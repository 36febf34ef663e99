package org.abusedesk.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An event as the stack's bus has it, from the envelope the rule puts on the events queue: its id, detail type, time
 * and detail. The events carry no personal data (docs/events.md), so neither does a webhook made of one.
 */
public record BusEvent(String id, String type, String time, JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BusEvent {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(time, "time == null");
        Objects.requireNonNull(data, "data == null");
    }

    /**
     * The event of an EventBridge envelope: {@code {"id", "detail-type", "time", "detail", ...}}.
     *
     * @throws IllegalArgumentException when it is no JSON object with those fields
     */
    public static BusEvent parse(String envelope) {
        JsonNode root;
        try {
            root = JSON.readTree(envelope == null ? "" : envelope);
        } catch (IOException e) {
            throw new IllegalArgumentException("the event is not JSON");
        }
        if (root == null
                || !root.path("id").isTextual()
                || !root.path("detail-type").isTextual()
                || !root.path("time").isTextual()
                || !root.path("detail").isObject()) {
            throw new IllegalArgumentException("the event lacks its id, detail-type, time or detail");
        }
        return new BusEvent(
                root.get("id").asText(),
                root.get("detail-type").asText(),
                root.get("time").asText(),
                root.get("detail"));
    }

    /** The webhook's body: {@code {"type", "id", "time", "data"}}, the detail as the bus has it. */
    public String payload() {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.put("id", id);
        body.put("time", time);
        body.set("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
