package org.abusedesk.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The admin API's one JSON mapper, configured here and nowhere else: request bodies are read with it, and the
 * response records written. Records are written in the order of their components, nulls included, as the
 * document's schemas require them.
 */
final class AdminJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // A body is one JSON value: text after it makes it no JSON, not a value and a remainder to ignore.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AdminJson() {}

    /** The record, list or tree as JSON text. */
    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    /**
     * JSON text as a tree; nesting and lengths are bounded by Jackson's read constraints.
     *
     * @throws JsonProcessingException when it is no JSON
     */
    static JsonNode read(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** A new, empty JSON object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
