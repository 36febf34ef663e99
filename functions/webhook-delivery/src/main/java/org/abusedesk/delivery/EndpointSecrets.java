package org.abusedesk.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.abusedesk.webhooks.WebhookSecret;

/** An endpoint's signing secrets, by the ARN of the secret that holds them. */
@FunctionalInterface
public interface EndpointSecrets {

    /**
     * The secrets to sign with: the current one, and the previous one while a rotation lasts.
     *
     * @throws IllegalStateException when the secret cannot be read or is not as {@link #parse} takes it
     */
    List<WebhookSecret> of(String secretArn);

    /**
     * A secret's value, {@code {"current": "whsec_…", "previous": "whsec_…"}} (previous optional).
     *
     * @throws IllegalArgumentException naming what is wrong, never showing any of it
     */
    static List<WebhookSecret> parse(String value) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(value == null ? "" : value);
        } catch (IOException e) {
            throw new IllegalArgumentException("a webhook secret's value is not JSON");
        }
        if (root == null || !root.path("current").isTextual()) {
            throw new IllegalArgumentException("a webhook secret's value has no \"current\" whsec_ secret");
        }
        var secrets = new ArrayList<WebhookSecret>();
        secrets.add(WebhookSecret.parse(root.get("current").asText()));
        var previous = root.path("previous");
        if (previous.isTextual() && !previous.asText().isBlank()) {
            secrets.add(WebhookSecret.parse(previous.asText()));
        } else if (!previous.isMissingNode() && !previous.isNull() && !previous.isTextual()) {
            throw new IllegalArgumentException("a webhook secret's \"previous\" is not a whsec_ secret");
        }
        return List.copyOf(secrets);
    }
}
