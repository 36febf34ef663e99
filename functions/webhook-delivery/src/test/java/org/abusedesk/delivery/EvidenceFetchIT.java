package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.DynamoDbCases;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbLedger;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.config.Environment;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.QueuePoller;
import org.abusedesk.local.Stack;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.abusedesk.webhooks.WebhookHeaders;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The opt-in evidence as deployed, against the moto server: a ComplaintCounted on the stack's bus goes through the
 * template's rule to the evidence queue, and its handler asks the platform's endpoint on this machine, which is down
 * at first. The answers land with the cases; the retries start after a second instead of a minute.
 */
@ExtendWith(MotoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceFetchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERIKA = "erika.muster@example.net";
    private static final String MAX = "max.mustermann@example.org";
    private static final String RECORD = "{\"version\":1,\"sourceType\":\"FORM\","
            + "\"source\":\"https://shop.example/newsletter\",\"optedInAt\":\"2026-03-01T10:00:00Z\","
            + "\"confirmedAt\":\"2026-03-01T10:05:00Z\",\"ip\":\"192.0.2.10\"}";

    private final WebhookSecret secret = WebhookSecret.generate();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private int port;
    private HttpServer platform;
    private Stack stack;
    private DynamoDbCases cases;
    private DynamoDbComplaints complaints;
    private DynamoDbLedger ledger;
    private ExecutorService pollers;
    private volatile boolean polling = true;

    /** One request as the platform got it: its ID, the recipient's hash and the verdict on its signature. */
    private record Received(String webhookId, String addressHash, WebhookSignature.Verdict verdict) {}

    @BeforeAll
    void startTheStack_withThePlatformDown(AwsEndpoint aws) throws Exception {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String name = "e" + UUID.randomUUID().toString().substring(0, 8);
        String arn;
        try (var secrets = aws.secretsManager()) {
            arn = secrets.createSecret(r -> r.name(name + "/opt-in-evidence")
                            .secretString("{\"current\": \"" + secret.written() + "\"}"))
                    .arn();
        }
        var parameters = new HashMap<>(MotoExtension.TEST_PARAMETERS);
        parameters.put("OptInEvidenceUrl", "http://127.0.0.1:" + port + "/opt-in-evidence");
        parameters.put("OptInEvidenceSecretArn", arn);
        parameters.put("WebhookAllowHttp", "true");
        var template = CloudFormationTemplate.load(ProjectRoot.find().path().resolve("template.yaml"));
        stack = Stack.create(template, name, parameters, aws);
        var dynamoDb = aws.dynamoDb();
        String table = stack.ref("ComplaintsTable");
        cases = new DynamoDbCases(dynamoDb, table);
        complaints = new DynamoDbComplaints(dynamoDb, table);
        ledger = new DynamoDbLedger(
                dynamoDb, table, stack.ref("MailingsTable"), stack.ref("AccountsTable"), stack.ref("LimitsTable"));

        pollers = Executors.newVirtualThreadPerTaskExecutor();
        var function = stack.function("OptInEvidenceFunction");
        var environment = new HashMap<>(stack.runtimeEnvironment(function));
        environment.put("OPT_IN_EVIDENCE_FIRST_RETRY_SECONDS", "1");
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<SQSEvent, SQSBatchResponse>) (Object)
                new EvidenceFetchHandler(EvidenceWiring.of(new Environment(environment)), new RecordingCheckpoints());
        var poller = new QueuePoller(function, function.queueSources().get(0), handler, aws);
        pollers.submit(() -> {
            while (polling) {
                try {
                    poller.poll(1);
                } catch (RuntimeException e) {
                    if (polling) {
                        System.err.println("OptInEvidenceFunction poll failed: " + e);
                    }
                }
            }
        });
    }

    @AfterAll
    void stop() {
        polling = false;
        pollers.shutdownNow();
        if (platform != null) {
            platform.stop(0);
        }
    }

    @Test
    void whileThePlatformIsDown_theCaseSaysSo_andOnceItIsUp_everyCaseGetsItsAnswer_askedOnceByHash() throws Exception {
        // GIVEN two complaints counted against account 121070, and one counted against no account
        var erika = counted(ERIKA, Optional.of(new AccountId("121070")));
        var max = counted(MAX, Optional.of(new AccountId("121070")));
        var nobodys = counted("jana@example.com", Optional.empty());

        // WHEN their ComplaintCounted events reach the bus while the platform's endpoint is down
        put(erika, "121070");
        put(max, "121070");
        put(nobodys, "");

        // THEN each case records the failure, as what it was, and counting went on without it
        await(() -> evidence(erika)
                .filter(e -> e.status() == OptInEvidence.Status.NO_ANSWER)
                .isPresent());
        assertThat(evidence(erika).orElseThrow().reason()).isEqualTo("no connection");

        // WHEN the endpoint comes up, with a record for Erika and none for Max
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        platform.createContext("/opt-in-evidence", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                var headers =
                        WebhookHeaders.from(n -> exchange.getRequestHeaders().getFirst(n));
                String hash = JSON.readTree(body)
                        .path("recipient")
                        .path("addressHash")
                        .asText();
                received.add(new Received(
                        headers.id(), hash, WebhookSignature.of(secret).verify(headers, body)));
                if (hash.equals(AddressHash.of(ERIKA).value())) {
                    byte[] answer = RECORD.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        platform.start();

        // THEN Erika's case gets her record, Max's says there is none, after more than one attempt each
        await(() -> evidence(erika)
                        .filter(e -> e.status() == OptInEvidence.Status.FOUND)
                        .isPresent()
                && evidence(max)
                        .filter(e -> e.status() == OptInEvidence.Status.NO_RECORD)
                        .isPresent());
        var found = evidence(erika).orElseThrow();
        assertThat(found.record().orElseThrow().confirmedAt()).contains(Instant.parse("2026-03-01T10:05:00Z"));
        assertThat(found.attempts()).isGreaterThan(1);
        // AND every request was signed, named the recipient by the hash, and kept its ID across the retries
        assertThat(received).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(WebhookSignature.Verdict.VALID));
        assertThat(received)
                .extracting(Received::webhookId)
                .containsOnly(
                        "evidence_" + erika.key().complaintId().value(),
                        "evidence_" + max.key().complaintId().value());
        // AND the complaint counted against no account was never asked about
        assertThat(evidence(nobodys)).isEmpty();
        // AND once settled, nobody asks again
        int asked = received.size();
        Thread.sleep(3_000);
        assertThat(received).hasSize(asked);
    }

    private Complaint counted(String email, Optional<AccountId> account) {
        var complaint = CaseFixtures.form("14141611", Instant.now(), ComplaintState.RECEIVED, email);
        complaints.add(complaint);
        ledger.count(complaint, account);
        return complaint;
    }

    private void put(Complaint complaint, String accountId) {
        String detail = "{\"version\": 1, \"mailingId\": \""
                + complaint.key().mailingId().value()
                + "\", \"complaintId\": \"" + complaint.key().complaintId().value() + "\", \"accountId\": \""
                + accountId + "\", \"channel\": \"FORM\", \"classification\": \"COMPLAINT\", \"verified\": false,"
                + " \"verification\": \"FORM\", \"complaints\": \"1\", \"verifiedComplaints\": \"0\","
                + " \"recipients\": \"1000\", \"ratePercent\": \"0.1000\", \"at\": \"2026-11-27T10:00:00Z\"}";
        try (var events = stack.aws().eventBridge()) {
            var response = events.putEvents(r -> r.entries(e -> e.eventBusName(stack.ref("EventBus"))
                    .source("abuse-desk")
                    .detailType("ComplaintCounted")
                    .detail(detail)));
            assertThat(response.failedEntryCount()).isZero();
        }
    }

    private Optional<OptInEvidence> evidence(Complaint complaint) {
        return cases.find(complaint.key(), Instant.now()).orElseThrow().optInEvidence();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        var until = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(until);
            Thread.sleep(100);
        }
    }
}
