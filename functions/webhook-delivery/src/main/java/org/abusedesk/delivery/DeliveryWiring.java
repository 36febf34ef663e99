package org.abusedesk.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.config.Environment;
import org.abusedesk.snapstart.Priming;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The fan-out's and the attempt's collaborators, built from a function's environment: the endpoints (checked here, so
 * that a wrong list stops the function at its start), the attempts queue, the secrets and the HTTP client.
 */
public record DeliveryWiring(
        List<WebhookEndpoint> endpoints,
        FanOut fanOut,
        DeliverAttempt deliverAttempt,
        AttemptQueue attempts,
        RetrySchedule retries,
        Priming priming) {

    /** A function's. */
    public static DeliveryWiring of(Environment environment) {
        return of(environment, new AwsClients(environment));
    }

    /** With the given clients: how tests put faults between the function and AWS. */
    public static DeliveryWiring of(Environment environment, AwsClients clients) {
        var endpoints = endpoints(environment);
        SqsClient sqs = clients.configure(SqsClient.builder()).build();
        SecretsManagerClient secretsManager =
                clients.configure(SecretsManagerClient.builder()).build();
        String queueUrl = environment.require("WEBHOOK_ATTEMPTS_QUEUE_URL");
        var attempts = new SqsAttemptQueue(sqs, queueUrl);
        // Not in the template: the deployed schedule starts at a minute; a test of the retries at a second.
        var retries = environment
                .optional("WEBHOOK_FIRST_RETRY_SECONDS")
                .map(seconds -> RetrySchedule.startingAfter(Duration.ofSeconds(Long.parseLong(seconds.strip()))))
                .orElse(RetrySchedule.DEFAULT);
        var deliver = new DeliverAttempt(
                endpoints,
                new SecretsManagerEndpointSecrets(secretsManager, Clock.systemUTC()),
                new HttpWebhookTransport(HttpWebhookTransport.TIMEOUT),
                Clock.systemUTC());
        String primingSecret = environment.require("WEBHOOK_SECRET_PREFIX") + "snapstart-priming";
        return new DeliveryWiring(endpoints, new FanOut(endpoints, attempts), deliver, attempts, retries, () -> {
            prime();
            // Warms both clients; neither request changes anything, and the secret of that name is nobody's.
            Priming.warm(() -> sqs.getQueueAttributes(
                    r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
            Priming.warm(() -> secretsManager.getSecretValue(r -> r.secretId(primingSecret)));
        });
    }

    /** The configured endpoints, checked. */
    static List<WebhookEndpoint> endpoints(Environment environment) {
        String allowHttp =
                environment.optional("WEBHOOK_ALLOW_HTTP").orElse("false").strip();
        if (!allowHttp.equals("true") && !allowHttp.equals("false")) {
            throw new IllegalStateException(
                    "environment variable WEBHOOK_ALLOW_HTTP must be true or false: " + allowHttp);
        }
        try {
            return WebhookEndpoints.parse(
                    environment.optional("WEBHOOK_ENDPOINTS").orElse("[]"),
                    allowHttp.equals("true"),
                    environment.require("WEBHOOK_SECRET_PREFIX"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Before the snapshot: read an event and make its attempt, as both functions do first. Nothing is sent and no
     * endpoint's secret is read: the first real attempt reads its endpoint's, so that none is in the snapshot.
     */
    private static void prime() {
        var event =
                BusEvent.parse("{\"id\":\"00000000-0000-0000-0000-000000000000\",\"detail-type\":\"SnapStartPriming\","
                        + "\"source\":\"abuse-desk\",\"time\":\"2000-01-01T00:00:00Z\",\"detail\":{\"version\":1}}");
        var endpoint = new WebhookEndpoint(
                java.net.URI.create("https://priming.invalid/"),
                java.util.Set.of(),
                "arn:aws:secretsmanager:eu-central-1:000000000000:secret:priming");
        Attempt.parse(Attempt.of(event, 0, endpoint).json());
    }
}
