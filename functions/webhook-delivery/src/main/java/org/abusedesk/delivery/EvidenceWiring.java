package org.abusedesk.delivery;

import java.time.Clock;
import java.time.Duration;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbCases;
import org.abusedesk.cases.FetchOptInEvidence;
import org.abusedesk.config.Environment;
import org.abusedesk.snapstart.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The evidence fetch's collaborators, built from its function's environment: the endpoint (checked here, so that a
 * wrong URL stops the function at its start), the cases, the requests queue for the backoff and the schedule.
 */
public record EvidenceWiring(FetchOptInEvidence fetch, AttemptQueue requests, RetrySchedule retries, Priming priming) {

    /** A function's. */
    public static EvidenceWiring of(Environment environment) {
        return of(environment, new AwsClients(environment));
    }

    /** With the given clients: how tests put faults between the function and AWS. */
    public static EvidenceWiring of(Environment environment, AwsClients clients) {
        boolean allowHttp = flag(environment, "WEBHOOK_ALLOW_HTTP");
        boolean sendAddress = flag(environment, "OPT_IN_EVIDENCE_SENDS_ADDRESS");
        WebhookEndpoint endpoint;
        try {
            endpoint = WebhookEndpoints.evidenceEndpoint(
                    environment.require("OPT_IN_EVIDENCE_URL").strip(),
                    environment.require("OPT_IN_EVIDENCE_SECRET_ARN").strip(),
                    allowHttp,
                    environment.require("OPT_IN_EVIDENCE_SECRET_NAME"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        DynamoDbClient dynamoDb = clients.dynamoDb();
        SqsClient sqs = clients.configure(SqsClient.builder()).build();
        SecretsManagerClient secretsManager =
                clients.configure(SecretsManagerClient.builder()).build();
        String table = environment.require("COMPLAINTS_TABLE");
        String queueUrl = environment.require("OPT_IN_EVIDENCE_QUEUE_URL");
        var cases = new DynamoDbCases(dynamoDb, table);
        // Not in the template: the deployed schedule starts at a minute; a test of the retries at a second.
        var retries = environment
                .optional("OPT_IN_EVIDENCE_FIRST_RETRY_SECONDS")
                .map(seconds -> RetrySchedule.startingAfter(Duration.ofSeconds(Long.parseLong(seconds.strip()))))
                .orElse(RetrySchedule.DEFAULT);
        var timeout = environment
                .optional("OPT_IN_EVIDENCE_TIMEOUT_MILLIS")
                .map(millis -> Duration.ofMillis(Long.parseLong(millis.strip())))
                .orElse(HttpEvidencePlatform.TIMEOUT);
        var platform = new HttpEvidencePlatform(
                endpoint,
                new SecretsManagerEndpointSecrets(secretsManager, Clock.systemUTC()),
                Clock.systemUTC(),
                timeout);
        var fetch = new FetchOptInEvidence(cases, cases, platform, sendAddress, Clock.systemUTC());
        return new EvidenceWiring(fetch, new SqsAttemptQueue(sqs, queueUrl), retries, () -> {
            // Nothing is asked and no secret is read: the first real request reads it, so that none is in the snapshot.
            Priming.warm(() -> dynamoDb.describeTable(r -> r.tableName(table)));
            Priming.warm(() -> sqs.getQueueAttributes(
                    r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
        });
    }

    private static boolean flag(Environment environment, String name) {
        String value = environment.optional(name).orElse("false").strip();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalStateException("environment variable " + name + " must be true or false: " + value);
        }
        return value.equals("true");
    }
}
