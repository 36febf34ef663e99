package org.abusedesk.delivery;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.abusedesk.webhooks.WebhookSignature;

/** Signs one attempt with its endpoint's secrets and POSTs it: delivered on a 2xx, failed on anything else. */
public final class DeliverAttempt {

    /** What became of an attempt. */
    public enum Outcome {
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** No 2xx: another status, a redirect, no answer in time, no connection, no secret to sign with. */
        FAILED,
        /** Its endpoint is no longer configured at that position, or under another URL: nobody waits for it. */
        DROPPED
    }

    /** What became of an attempt, and why, in words that name no secret and no URL beyond its host. */
    public record Result(Outcome outcome, String reason) {}

    private final List<WebhookEndpoint> endpoints;
    private final EndpointSecrets secrets;
    private final WebhookTransport transport;
    private final Clock clock;

    public DeliverAttempt(
            List<WebhookEndpoint> endpoints, EndpointSecrets secrets, WebhookTransport transport, Clock clock) {
        this.endpoints = List.copyOf(endpoints);
        this.secrets = Objects.requireNonNull(secrets, "secrets == null");
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public Result deliver(Attempt attempt) throws InterruptedException {
        if (attempt.endpoint() >= endpoints.size()
                || !endpoints.get(attempt.endpoint()).url().equals(attempt.url())) {
            return new Result(Outcome.DROPPED, "endpoint no longer configured");
        }
        var endpoint = endpoints.get(attempt.endpoint());
        byte[] body = attempt.payload().getBytes(StandardCharsets.UTF_8);
        WebhookSignature signature;
        try {
            signature =
                    new WebhookSignature(secrets.of(endpoint.secretArn()), WebhookSignature.DEFAULT_TOLERANCE, clock);
        } catch (RuntimeException e) {
            return new Result(Outcome.FAILED, "no secret to sign with: " + e.getMessage());
        }
        // Signed at each attempt: a retry hours later must still be within the receiver's five minutes.
        var headers = signature.sign(attempt.webhookId(), clock.instant(), body);
        try {
            int status = transport.post(attempt.url(), headers.asMap(), body);
            return status >= 200 && status < 300
                    ? new Result(Outcome.DELIVERED, "status " + status)
                    : new Result(Outcome.FAILED, "status " + status);
        } catch (HttpTimeoutException e) {
            return new Result(Outcome.FAILED, "no answer in time");
        } catch (IOException e) {
            return new Result(Outcome.FAILED, "no connection: " + e.getClass().getSimpleName());
        }
    }
}
