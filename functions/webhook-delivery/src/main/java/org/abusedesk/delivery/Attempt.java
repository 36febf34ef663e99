package org.abusedesk.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;

/**
 * One event for one endpoint, as the attempts queue holds it until the endpoint took it: the endpoint's position and
 * URL, the webhook's ID, and its body, made once so that every retry sends the same bytes under the same ID.
 */
public record Attempt(int endpoint, URI url, String webhookId, String payload) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Attempt {
        if (endpoint < 0) {
            throw new IllegalArgumentException("endpoint < 0");
        }
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(webhookId, "webhookId == null");
        Objects.requireNonNull(payload, "payload == null");
    }

    /** The attempt of an event for the endpoint at this position of the configured list. */
    public static Attempt of(BusEvent event, int position, WebhookEndpoint endpoint) {
        return new Attempt(position, endpoint.url(), webhookId(event.id(), position), event.payload());
    }

    /**
     * The webhook's ID: the same for one event and one endpoint however often it is sent, so that a receiver takes a
     * retry, or the bus's repeat of the same event, as one.
     */
    public static String webhookId(String eventId, int position) {
        return "msg_" + eventId + "_" + position;
    }

    /** As the attempts queue holds it. */
    public String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("endpoint", endpoint);
        node.put("url", url.toString());
        node.put("webhookId", webhookId);
        node.put("payload", payload);
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the message is not one {@link #json} wrote */
    public static Attempt parse(String message) {
        JsonNode root;
        try {
            root = JSON.readTree(message == null ? "" : message);
        } catch (IOException e) {
            throw new IllegalArgumentException("the attempt is not JSON");
        }
        if (root == null
                || !root.path("endpoint").canConvertToExactIntegral()
                || !root.path("url").isTextual()
                || !root.path("webhookId").isTextual()
                || !root.path("payload").isTextual()) {
            throw new IllegalArgumentException("the attempt lacks its endpoint, url, webhookId or payload");
        }
        return new Attempt(
                root.get("endpoint").asInt(),
                URI.create(root.get("url").asText()),
                root.get("webhookId").asText(),
                root.get("payload").asText());
    }
}
