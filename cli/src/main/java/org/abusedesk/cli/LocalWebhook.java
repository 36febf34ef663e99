package org.abusedesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.webhooks.WebhookSecret;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * The one webhook endpoint of {@code ./abuse-desk local --webhook-url}: all events, signed with a secret generated
 * for this run and stored where a deployed stack's operator would put it, under {@code <stack>/webhooks/}.
 */
record LocalWebhook(URI url, WebhookSecret secret, Map<String, String> parameters) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stores a new secret for the endpoint in the endpoint's Secrets Manager, and the template parameters for it. */
    static LocalWebhook configure(AwsEndpoint aws, String stackName, URI url) {
        var secret = WebhookSecret.generate();
        String name = stackName + "/webhooks/local";
        String value = json(Map.of("current", secret.written()));
        String arn;
        try (var secrets = aws.secretsManager()) {
            try {
                arn = secrets.createSecret(r -> r.name(name).secretString(value))
                        .arn();
            } catch (ResourceExistsException e) {
                // An endpoint kept from an earlier run (--endpoint): the new secret replaces the old.
                arn = secrets.putSecretValue(r -> r.secretId(name).secretString(value))
                        .arn();
            }
        }
        String endpoints = json(List.of(Map.of("url", url.toString(), "secretArn", arn)));
        return new LocalWebhook(url, secret, Map.of("WebhookEndpoints", endpoints, "WebhookAllowHttp", "true"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
