package org.abusedesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * An EventBridge event pattern, for the matchers a pipe filter in this project uses: exact values, {@code prefix}
 * and {@code exists}. Any other matcher is refused when the pattern is read, never silently ignored.
 */
final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    static EventPattern parse(String pattern) {
        try {
            var node = JSON.readTree(pattern);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("an event pattern must be a JSON object: " + pattern);
            }
            check(node);
            return new EventPattern(node);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON event pattern: " + pattern, e);
        }
    }

    boolean matches(JsonNode event) {
        return matchesObject(pattern, event);
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode value = event == null ? null : event.get(field.getKey());
            boolean matched = field.getValue().isObject()
                    ? value != null && value.isObject() && matchesObject(field.getValue(), value)
                    : matchesAny(field.getValue(), value);
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(JsonNode alternatives, JsonNode value) {
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject()) {
                if (alternative.has("exists") && alternative.get("exists").asBoolean() == (value != null)) {
                    return true;
                }
                if (alternative.has("prefix")
                        && value != null
                        && value.isTextual()
                        && value.asText().startsWith(alternative.get("prefix").asText())) {
                    return true;
                }
            } else if (value != null
                    && (value.equals(alternative) || value.isArray() && contains(value, alternative))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, JsonNode element) {
        for (JsonNode item : array) {
            if (item.equals(element)) {
                return true;
            }
        }
        return false;
    }

    private static void check(JsonNode node) {
        node.fields().forEachRemaining(field -> {
            var value = field.getValue();
            if (value.isObject()) {
                check(value);
            } else if (!value.isArray()) {
                throw new IllegalArgumentException("pattern values must be arrays or objects: " + field.getKey());
            } else {
                for (JsonNode alternative : value) {
                    if (alternative.isObject()
                            && !(alternative.size() == 1 && (alternative.has("prefix") || alternative.has("exists")))) {
                        throw new IllegalArgumentException(
                                "the local stack does not support the matcher " + alternative);
                    }
                }
            }
        });
    }
}
