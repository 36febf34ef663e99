package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.DynamoDbCases;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbLedger;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.Stack;
import org.abusedesk.packaging.FunctionZip;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The zip that is deployed: small, and complete, both handlers running from its own classes and jars alone. */
@ExtendWith(MotoExtension.class)
class WebhookDeliveryZipIT {

    private static final FunctionZip ZIP = FunctionZip.of("webhook-delivery");

    @Test
    void zip_staysWithin15MiB_andCarriesNoMailOrStorage() {
        assertThat(ZIP.size()).isLessThanOrEqualTo(FunctionZip.MAX_BYTES);
        assertThat(ZIP.libraries())
                .contains("sqs", "secretsmanager")
                .doesNotContain("sesv2", "s3", "apache-mime4j-dom", "jte-runtime", "poi", "dnsjava");
    }

    @Test
    void handlersFromTheZip_fanAnEventOut_andPostItSigned(AwsEndpoint aws) throws Exception {
        // GIVEN a stack with one endpoint on this machine and its secret
        var secret = WebhookSecret.generate();
        try (var receiver = new WebhookReceiver(Map.of("/zip", new WebhookReceiver.Behaviour(secret, nth -> 204, 0)))) {
            String name = "z" + UUID.randomUUID().toString().substring(0, 8);
            String arn;
            try (var secrets = aws.secretsManager()) {
                arn = secrets.createSecret(r -> r.name(name + "/webhooks/zip")
                                .secretString("{\"current\": \"" + secret.written() + "\"}"))
                        .arn();
            }
            var parameters = new HashMap<>(MotoExtension.TEST_PARAMETERS);
            parameters.put(
                    "WebhookEndpoints",
                    "[{\"url\": \"" + receiver.url("/zip") + "\", \"secretArn\": \"" + arn + "\"}]");
            parameters.put("WebhookAllowHttp", "true");
            var stack = Stack.create(
                    CloudFormationTemplate.load(ProjectRoot.find().path().resolve("template.yaml")),
                    name,
                    parameters,
                    aws);
            var envelope = "{\"version\":\"0\",\"id\":\"zip-event\",\"detail-type\":\"CaseClosed\","
                    + "\"source\":\"abuse-desk\",\"time\":\"2026-11-27T10:05:00Z\",\"detail\":{\"version\":1}}";

            // WHEN the fan-out's handler is run from the zip (built, checkpointed, restored) with an event
            var fanOut = stack.function("WebhookFanOutFunction");
            var fanned = ZIP.run(fanOut.handlerClass(), stack.runtimeEnvironment(fanOut), event(envelope));

            // THEN it primed and queued the endpoint's attempt
            assertThat(fanned.hooks()).as(fanned.log()).isEqualTo(1);
            assertThat(fanned.responses().get(0)).as(fanned.log()).isEqualTo("{\"batchItemFailures\":[]}");
            String attempt;
            try (var sqs = aws.sqs()) {
                var messages = sqs.receiveMessage(r -> r.queueUrl(stack.ref("WebhookAttemptsQueue"))
                                .maxNumberOfMessages(10)
                                .waitTimeSeconds(1))
                        .messages();
                assertThat(messages).hasSize(1);
                attempt = messages.get(0).body();
            }

            // WHEN the attempt's handler is run from the zip with that attempt
            var attempter = stack.function("WebhookAttemptFunction");
            var attempted = ZIP.run(attempter.handlerClass(), stack.runtimeEnvironment(attempter), event(attempt));

            // THEN the receiver has it, signed with the endpoint's secret
            assertThat(attempted.hooks()).as(attempted.log()).isEqualTo(1);
            assertThat(attempted.responses().get(0)).as(attempted.log()).isEqualTo("{\"batchItemFailures\":[]}");
            assertThat(receiver.requests("/zip")).singleElement().satisfies(request -> {
                assertThat(request.webhookId()).isEqualTo("msg_zip-event_0");
                assertThat(request.verdict()).isEqualTo(WebhookSignature.Verdict.VALID);
            });
        }
    }

    @Test
    void theEvidenceHandlerFromTheZip_asksThePlatform_andKeepsItsAnswerWithTheCase(AwsEndpoint aws) throws Exception {
        // GIVEN a stack with an evidence endpoint on this machine that has no record of anyone, and a counted case
        var secret = WebhookSecret.generate();
        try (var platform =
                new WebhookReceiver(Map.of("/opt-in", new WebhookReceiver.Behaviour(secret, nth -> 404, 0)))) {
            String name = "z" + UUID.randomUUID().toString().substring(0, 8);
            String arn;
            try (var secrets = aws.secretsManager()) {
                arn = secrets.createSecret(r -> r.name(name + "/opt-in-evidence")
                                .secretString("{\"current\": \"" + secret.written() + "\"}"))
                        .arn();
            }
            var parameters = new HashMap<>(MotoExtension.TEST_PARAMETERS);
            parameters.put("OptInEvidenceUrl", platform.url("/opt-in").toString());
            parameters.put("OptInEvidenceSecretArn", arn);
            parameters.put("WebhookAllowHttp", "true");
            var stack = Stack.create(
                    CloudFormationTemplate.load(ProjectRoot.find().path().resolve("template.yaml")),
                    name,
                    parameters,
                    aws);
            var complaint = CaseFixtures.form("14141611", Instant.now(), ComplaintState.RECEIVED, "a@example.org");
            var dynamoDb = aws.dynamoDb();
            new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable")).add(complaint);
            new DynamoDbLedger(
                            dynamoDb,
                            stack.ref("ComplaintsTable"),
                            stack.ref("MailingsTable"),
                            stack.ref("AccountsTable"),
                            stack.ref("LimitsTable"))
                    .count(complaint, Optional.of(new AccountId("121070")));
            var envelope = "{\"version\":\"0\",\"id\":\"zip-counted\",\"detail-type\":\"ComplaintCounted\","
                    + "\"source\":\"abuse-desk\",\"time\":\"2026-11-27T10:05:00Z\",\"detail\":{\"version\":1,"
                    + "\"mailingId\":\"14141611\",\"complaintId\":\""
                    + complaint.key().complaintId().value()
                    + "\",\"accountId\":\"121070\"}}";

            // WHEN the evidence handler is run from the zip (built, checkpointed, restored) with its event
            var function = stack.function("OptInEvidenceFunction");
            var asked = ZIP.run(function.handlerClass(), stack.runtimeEnvironment(function), event(envelope));

            // THEN it primed, asked the platform with a valid signature, and the case says there is no record
            assertThat(asked.hooks()).as(asked.log()).isEqualTo(1);
            assertThat(asked.responses().get(0)).as(asked.log()).isEqualTo("{\"batchItemFailures\":[]}");
            assertThat(platform.requests("/opt-in")).singleElement().satisfies(request -> {
                assertThat(request.webhookId())
                        .isEqualTo("evidence_" + complaint.key().complaintId().value());
                assertThat(request.verdict()).isEqualTo(WebhookSignature.Verdict.VALID);
            });
            var evidence = new DynamoDbCases(dynamoDb, stack.ref("ComplaintsTable"))
                    .find(complaint.key(), Instant.now())
                    .orElseThrow()
                    .optInEvidence()
                    .orElseThrow();
            assertThat(evidence.status()).isEqualTo(OptInEvidence.Status.NO_RECORD);
        }
    }

    /** An SQS event of one message with this body, as the runtime would be sent it. */
    private static String event(String body) {
        var message = Fakes.message(UUID.randomUUID().toString(), body, 1);
        var event = new SQSEvent();
        event.setRecords(List.of(message));
        var json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader())
                .toJson(event, json);
        return json.toString(StandardCharsets.UTF_8);
    }
}
