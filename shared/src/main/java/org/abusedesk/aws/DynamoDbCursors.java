package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.paging.InvalidCursorException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A query's {@code LastEvaluatedKey} as an opaque cursor and back: base64url of a small JSON object of the key's
 * string and number attributes, named for the listing it belongs to so that it cannot start another.
 */
public final class DynamoDbCursors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CURSOR_CHARS = 2048;

    private DynamoDbCursors() {}

    /** The cursor continuing after {@code lastEvaluatedKey}, or none when the query has nothing more. */
    public static Optional<String> encode(String listing, Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode node = JSON.createObjectNode().put("l", listing);
        ObjectNode key = node.putObject("k");
        lastEvaluatedKey.forEach((name, value) -> {
            if (value.s() != null) {
                key.putObject(name).put("S", value.s());
            } else if (value.n() != null) {
                key.putObject(name).put("N", value.n());
            } else {
                throw new IllegalArgumentException("key attribute " + name + " is neither string nor number");
            }
        });
        return Optional.of(Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code ExclusiveStartKey} a cursor stands for; none for no cursor. */
    public static Optional<Map<String, AttributeValue>> decode(String listing, Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        String text = cursor.get();
        if (text.isEmpty() || text.length() > MAX_CURSOR_CHARS) {
            throw new InvalidCursorException("empty or too long");
        }
        try {
            var node = JSON.readTree(Base64.getUrlDecoder().decode(text));
            if (node == null
                    || !listing.equals(node.path("l").asText())
                    || !node.path("k").isObject()) {
                throw new InvalidCursorException("not one of this listing");
            }
            var key = new HashMap<String, AttributeValue>();
            for (var field : node.path("k").properties()) {
                var value = field.getValue();
                if (value.path("S").isTextual()) {
                    key.put(field.getKey(), s(value.path("S").asText()));
                } else if (value.path("N").isTextual()) {
                    key.put(field.getKey(), AttributeValue.fromN(value.path("N").asText()));
                } else {
                    throw new InvalidCursorException("unreadable key");
                }
            }
            if (key.isEmpty()) {
                throw new InvalidCursorException("no key");
            }
            return Optional.of(Map.copyOf(key));
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidCursorException("not readable");
        }
    }
}
