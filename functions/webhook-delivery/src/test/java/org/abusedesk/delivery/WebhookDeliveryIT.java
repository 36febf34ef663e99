package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.abusedesk.config.Environment;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.QueuePoller;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery as deployed, against the moto server: an event put on the stack's bus goes through the template's
 * rule to the events queue, is fanned out by its handler to the attempts queue, and POSTed by the attempt handler to
 * receivers on this machine that check every signature. The queues are polled as Lambda's event source mappings
 * would, each by a loop of its own; the retries start after a second instead of a minute.
 */
@ExtendWith(MotoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Takes every event; signed with a current and a previous secret, as during a rotation. */
    private static final String ALL = "/all";
    /** Answers 500 to the first request of each webhook, 200 to the next. */
    private static final String FLAKY = "/flaky";
    /** Sleeps past the sender's timeout on the first request of each webhook, then answers 200 to the next. */
    private static final String SLOW = "/slow";
    /** Wants CaseClosed only. */
    private static final String CLOSED_ONLY = "/closed-only";

    private final WebhookSecret current = WebhookSecret.generate();
    private final WebhookSecret previous = WebhookSecret.generate();
    private final WebhookSecret flakySecret = WebhookSecret.generate();
    private final WebhookSecret slowSecret = WebhookSecret.generate();
    private final WebhookSecret closedSecret = WebhookSecret.generate();

    private WebhookReceiver receiver;
    private Stack stack;
    private ExecutorService pollers;
    private volatile boolean polling = true;

    @BeforeAll
    void startTheStackAndItsReceivers(AwsEndpoint aws) throws Exception {
        receiver = new WebhookReceiver(Map.of(
                ALL, new WebhookReceiver.Behaviour(previous, nth -> 204, 0),
                FLAKY, new WebhookReceiver.Behaviour(flakySecret, nth -> nth == 1 ? 500 : 200, 0),
                SLOW, new WebhookReceiver.Behaviour(slowSecret, nth -> nth == 1 ? 503 : 200, 12_000),
                CLOSED_ONLY, new WebhookReceiver.Behaviour(closedSecret, nth -> 200, 0)));
        String name = "w" + UUID.randomUUID().toString().substring(0, 8);
        var endpoints = new ArrayList<Map<String, Object>>();
        endpoints.add(endpoint(
                aws,
                name,
                ALL,
                List.of(),
                "{\"current\": \"" + current.written() + "\", \"previous\": \"" + previous.written() + "\"}"));
        endpoints.add(endpoint(aws, name, FLAKY, List.of(), current(flakySecret)));
        endpoints.add(endpoint(aws, name, SLOW, List.of(), current(slowSecret)));
        endpoints.add(endpoint(aws, name, CLOSED_ONLY, List.of("CaseClosed"), current(closedSecret)));
        var parameters = new HashMap<>(MotoExtension.TEST_PARAMETERS);
        parameters.put("WebhookEndpoints", JSON.writeValueAsString(endpoints));
        parameters.put("WebhookAllowHttp", "true");
        var template = CloudFormationTemplate.load(ProjectRoot.find().path().resolve("template.yaml"));
        stack = Stack.create(template, name, parameters, aws);

        pollers = Executors.newVirtualThreadPerTaskExecutor();
        poll(
                "WebhookFanOutFunction",
                env -> new WebhookFanOutHandler(DeliveryWiring.of(env), new RecordingCheckpoints()));
        poll(
                "WebhookAttemptFunction",
                env -> new WebhookAttemptHandler(DeliveryWiring.of(env), new RecordingCheckpoints()));
    }

    @AfterAll
    void stop() {
        polling = false;
        pollers.shutdownNow();
        receiver.close();
    }

    @Test
    void anEventOnTheBus_arrivesSignedWithBothSecrets_asTheBusHasIt_atEveryEndpointThatWantsItsType() throws Exception {
        // WHEN the desk puts a SuppressionAdded on its bus
        var detail = "{\"version\": 1, \"accountId\": \"121070\", \"addressHash\": \"" + "cd".repeat(32)
                + "\", \"at\": \"2026-11-27T10:00:00Z\"}";
        String eventId = put("SuppressionAdded", detail);

        // THEN the endpoint for all events gets it once, signed with the current and the previous secret, its body
        // the event as the bus has it, under an ID of the event's and the endpoint's position
        await(() -> !requests(ALL, eventId).isEmpty());
        var request = requests(ALL, eventId).get(0);
        assertThat(request.webhookId()).isEqualTo("msg_" + eventId + "_0");
        assertThat(request.verdict()).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(request.signatureHeader().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        var body = JSON.readTree(request.body());
        assertThat(body.path("type").asText()).isEqualTo("SuppressionAdded");
        assertThat(body.path("id").asText()).isEqualTo(eventId);
        assertThat(body.path("time").asText()).isNotBlank();
        assertThat(body.get("data")).isEqualTo(JSON.readTree(detail));
        assertThat(body.properties()).hasSize(4);

        // AND the endpoint that wants CaseClosed only gets nothing of it, but the CaseClosed that follows
        String closedId = put(
                "CaseClosed",
                "{\"version\": 1, \"mailingId\": \"14141611\", \"complaintId\": \"01KB3V9X4E0ZQ6K8N2M5T7R1YH\","
                        + " \"outcome\": \"RESOLVED\", \"closedBy\": \"anna\", \"at\": \"2026-11-27T10:05:00Z\"}");
        await(() -> !requests(CLOSED_ONLY, closedId).isEmpty());
        assertThat(requests(CLOSED_ONLY, closedId).get(0).webhookId()).isEqualTo("msg_" + closedId + "_3");
        assertThat(requests(CLOSED_ONLY, closedId).get(0).verdict()).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(requests(CLOSED_ONLY, eventId)).isEmpty();
        assertThat(receiver.requests(CLOSED_ONLY))
                .allSatisfy(r -> assertThat(JSON.readTree(r.body()).path("type").asText())
                        .isEqualTo("CaseClosed"));
    }

    @Test
    void anEndpointThatFailsFirst_getsTheEventAgainLater_underTheSameId_andTakesItOnce() throws Exception {
        // WHEN an event is put while the flaky endpoint answers its first request with 500
        String eventId = put("AccountStatusChanged", accountStatusChanged());

        // THEN it is tried again after its backoff, under the same ID and with the same body, and taken once
        await(() -> requests(FLAKY, eventId).stream().anyMatch(r -> r.status() == 200));
        var requests = requests(FLAKY, eventId);
        assertThat(requests).extracting(WebhookReceiver.Request::status).startsWith(500, 200);
        assertThat(requests).extracting(WebhookReceiver.Request::webhookId).containsOnly("msg_" + eventId + "_1");
        assertThat(requests)
                .extracting(WebhookReceiver.Request::body)
                .containsOnly(requests.get(0).body());
        assertThat(requests).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(WebhookSignature.Verdict.VALID));
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        // AND once taken, it is sent no more
        Thread.sleep(4_000);
        assertThat(requests(FLAKY, eventId).stream().filter(r -> r.status() == 200))
                .hasSize(1);
        assertThat(requests(FLAKY, eventId)).hasSize(2);
    }

    @Test
    void aSlowEndpoint_delaysNoOtherEndpoint_andGetsTheEventItselfOnceItAnswers() throws Exception {
        // WHEN an event is put while the slow endpoint sleeps past the sender's timeout on its first request
        var put = Instant.now();
        String eventId = put("AccountStatusChanged", accountStatusChanged());

        // THEN the endpoint for all events has it while the slow one still sleeps
        await(() -> !requests(ALL, eventId).isEmpty());
        assertThat(Duration.between(put, requests(ALL, eventId).get(0).at())).isLessThan(Duration.ofSeconds(8));
        assertThat(requests(SLOW, eventId)).hasSize(1);

        // AND the slow endpoint gets it again after its timeout and backoff, and takes it
        await(() -> requests(SLOW, eventId).stream().anyMatch(r -> r.status() == 200));
        assertThat(requests(SLOW, eventId))
                .extracting(WebhookReceiver.Request::webhookId)
                .containsOnly("msg_" + eventId + "_2");
        assertThat(requests(ALL, eventId)).hasSize(1);
    }

    private String put(String detailType, String detail) {
        try (var events = stack.aws().eventBridge()) {
            var response = events.putEvents(r -> r.entries(e -> e.eventBusName(stack.ref("EventBus"))
                    .source("abuse-desk")
                    .detailType(detailType)
                    .detail(detail)));
            assertThat(response.failedEntryCount()).isZero();
            return response.entries().get(0).eventId();
        }
    }

    private List<WebhookReceiver.Request> requests(String path, String eventId) {
        return receiver.requests(path).stream()
                .filter(r -> r.webhookId() != null && r.webhookId().startsWith("msg_" + eventId + "_"))
                .toList();
    }

    private static String accountStatusChanged() {
        return "{\"version\": 1, \"accountId\": \"121070\", \"from\": \"ACTIVE\", \"to\": \"FLAGGED\","
                + " \"at\": \"2026-11-27T10:00:00Z\", \"reason\": \"complaint rate 0.3000 % >= 0.1 %\","
                + " \"changedBy\": \"abuse-desk\", \"ratePercent\": \"0.3000\"}";
    }

    private Map<String, Object> endpoint(
            AwsEndpoint aws, String stackName, String path, List<String> events, String value) {
        try (var secrets = aws.secretsManager()) {
            String arn = secrets.createSecret(
                            r -> r.name(stackName + "/webhooks" + path).secretString(value))
                    .arn();
            var endpoint = new LinkedHashMap<String, Object>();
            endpoint.put("url", receiver.url(path).toString());
            endpoint.put("events", events);
            endpoint.put("secretArn", arn);
            return endpoint;
        }
    }

    private static String current(WebhookSecret secret) {
        return "{\"current\": \"" + secret.written() + "\"}";
    }

    @SuppressWarnings("unchecked")
    private void poll(String logicalId, java.util.function.Function<Environment, Object> handler) {
        var function = stack.function(logicalId);
        var environment = new HashMap<>(stack.runtimeEnvironment(function));
        environment.put("WEBHOOK_FIRST_RETRY_SECONDS", "1");
        var poller = new QueuePoller(
                function,
                function.queueSources().get(0),
                (RequestHandler<SQSEvent, SQSBatchResponse>) handler.apply(new Environment(environment)),
                stack.aws());
        pollers.submit(() -> {
            while (polling) {
                try {
                    poller.poll(1);
                } catch (RuntimeException e) {
                    if (polling) {
                        System.err.println(logicalId + " poll failed: " + e);
                    }
                }
            }
        });
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        var until = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(until);
            Thread.sleep(100);
        }
    }
}
