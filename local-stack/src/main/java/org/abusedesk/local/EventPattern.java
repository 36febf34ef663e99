package org.abusedesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.event.ruler.Machine;

/**
 * An EventBridge event pattern, as a pipe filter applies it: matched by event-ruler, the matcher EventBridge itself is
 * built on, so the local stack's filters pass exactly what the deployed pipe passes.
 */
final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "filter";

    private final Machine machine;

    private EventPattern(Machine machine) {
        this.machine = machine;
    }

    /** @throws IllegalArgumentException if the pattern is no JSON object, or a matcher in it is malformed */
    static EventPattern parse(String pattern) {
        JsonNode node;
        try {
            node = JSON.readTree(pattern);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON event pattern: " + pattern, e);
        }
        // The ruler takes an empty or scalar pattern for one that passes every event; a pipe would refuse it.
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an event pattern must be a JSON object: " + pattern);
        }
        var machine = new Machine();
        try {
            machine.addRule(RULE, pattern);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid event pattern: " + e.getMessage(), e);
        }
        return new EventPattern(machine);
    }

    boolean matches(JsonNode event) {
        try {
            return !machine.rulesForJSONEvent(event.toString()).isEmpty();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON event", e);
        }
    }
}
