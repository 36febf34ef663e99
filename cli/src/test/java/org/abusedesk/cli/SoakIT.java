package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.registration.Mailing;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A bounded soak of the whole local stack, loopback only, with SDK faults struck at random in every client (the
 * handlers', the pipes' and the queue pollers'): complaints are posted to the form API as people's browsers would
 * retry them, with one Idempotency-Key each, until the count or the time budget is reached; then the faults stop,
 * the stack drains, and the audit checks that every accepted complaint was stored once, counted once, and notified
 * or waits pending for its mailing's next mail. {@code ./mvnw verify} runs a short version; {@code -Psoak} (or
 * {@code tools/reliability}) the long one: {@code -Dsoak.complaints=300 -Dsoak.seconds=120}.
 */
@ExtendWith(MotoExtension.class)
class SoakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMPLAINTS = Integer.getInteger("soak.complaints", 12);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("soak.seconds", 60));
    private static final double FAULT_PROBABILITY =
            Double.parseDouble(System.getProperty("soak.faultProbability", "0.01"));
    private static final long SEED = Long.getLong("soak.seed", 20261129L);
    private static final Duration DRAIN = Duration.ofMinutes(Integer.getInteger("soak.drainMinutes", 5));
    private static final int MAILINGS = 6;
    private static final int ATTEMPTS = 20;
    private static final int PER_SOURCE = 8;

    @Test
    void complaintsUnderRandomFaults_areEachStoredOnce_countedOnce_andNotifiedOrPending(
            AwsEndpoint aws, ProjectRoot root) throws Exception {
        // GIVEN the local stack of template.yaml, with redeliveries after 10 s rather than 180 s, and six mailings
        try (var local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "soak" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS))) {
            var stack = local.stack();
            try (var sqs = stack.aws().sqs()) {
                sqs.setQueueAttributes(r -> r.queueUrl(stack.ref("ComplaintsQueue"))
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "10")));
            }
            var mailingIds = new ArrayList<String>();
            try (var dynamoDb = stack.aws().dynamoDb()) {
                var mailings = new DynamoDbMailings(dynamoDb, stack.ref("MailingsTable"));
                for (int m = 0; m < MAILINGS; m++) {
                    String id = "s" + UUID.randomUUID().toString().substring(0, 8);
                    mailingIds.add(id);
                    mailings.register(Mailing.registered(
                            new MailingId(id),
                            new AccountId("soak"),
                            OptionalLong.of(100_000_000L),
                            Instant.now().minus(Duration.ofHours(1)),
                            Optional.of("Soak"),
                            Optional.empty()));
                }
            }

            // WHEN faults strike at random while complaints are posted, until the count or the budget is reached
            SoakFaults.switchOn(FAULT_PROBABILITY, SEED);
            var accepted = new ConcurrentHashMap<String, String>(); // reference -> mailing
            var refused = new ConcurrentHashMap<Integer, Integer>(); // complaint -> last status
            var attempts = new java.util.concurrent.atomic.AtomicInteger();
            Instant deadline = Instant.now().plus(BUDGET);
            var posted = new java.util.concurrent.atomic.AtomicInteger();
            try (var pool = Executors.newFixedThreadPool(4)) {
                var futures = new ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < COMPLAINTS; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> {
                        // The budget ends the run: complaints not started by then are not posted.
                        if (Instant.now().isAfter(deadline)) {
                            return null;
                        }
                        posted.incrementAndGet();
                        post(local.apiUrl(), n, mailingIds.get(n % MAILINGS), accepted, refused, attempts);
                        return null;
                    }));
                }
                for (var future : futures) {
                    future.get();
                }
            }
            int faultsStruck = SoakFaults.FAULTS.struck();
            SoakFaults.switchOff();

            // THEN, once the stack has drained (redeliveries, the reconciler's requeues), the audit holds
            Audit audit = null;
            Audit previous = null;
            Instant drainDeadline = Instant.now().plus(DRAIN);
            while (Instant.now().isBefore(drainDeadline)) {
                local.runSchedules();
                // The states only: reading the outbox each time would cost the moto server more than the drain.
                audit = audit(local, mailingIds, accepted);
                if (audit.unfinished() == 0) {
                    break;
                }
                if (!audit.equals(previous)) {
                    System.out.println("SOAK-DRAIN " + audit);
                    previous = audit;
                }
                Thread.sleep(2_000);
            }
            var mails = teamMails(local, accepted);
            var figures = new LinkedHashMap<String, Object>();
            figures.put("complaintsPlanned", COMPLAINTS);
            figures.put("complaintsPosted", posted.get());
            figures.put("httpAttempts", attempts.get());
            figures.put("accepted", accepted.size());
            figures.put("refusedAfterRetries", refused.size());
            figures.put("faultProbability", FAULT_PROBABILITY);
            figures.put("faultsInjected", faultsStruck);
            figures.put("stored", audit.stored());
            figures.put("storedTwice", audit.storedTwice());
            figures.put("lost", audit.lost());
            figures.put("counted", audit.counted());
            figures.put("notified", audit.notified());
            figures.put("pending", audit.pending());
            figures.put("unfinished", audit.unfinished());
            figures.put("states", audit.states());
            figures.put("inMoreThanTwoTeamMails", mails.overMailed());
            figures.put("teamMails", mails.sent());
            String line = JSON.writeValueAsString(figures);
            System.out.println("SOAK-AUDIT " + line);
            Path out = Path.of("target", "reliability");
            Files.createDirectories(out);
            Files.writeString(out.resolve("soak.json"), line);

            assertThat(posted.get()).isPositive().isEqualTo(accepted.size() + refused.size());
            assertThat(refused).as("refused after %d attempts each", ATTEMPTS).isEmpty();
            assertThat(audit.lost()).as("lost").isZero();
            assertThat(audit.storedTwice()).as("stored twice").isZero();
            assertThat(audit.counted()).as("counted once each").isEqualTo(accepted.size());
            assertThat(audit.unfinished()).as("neither notified nor pending").isZero();
            assertThat(mails.overMailed()).as("in more than two team mails").isZero();
        }
    }

    /** Posts one complaint, retried with its Idempotency-Key as a browser's user would, from its own source. */
    private static void post(
            URI api,
            int n,
            String mailing,
            Map<String, String> accepted,
            Map<Integer, Integer> refused,
            java.util.concurrent.atomic.AtomicInteger attempts)
            throws IOException, InterruptedException {
        // Eight complaints per loopback source address: below the form's limit of ten per source.
        var http = HttpClient.newBuilder()
                .localAddress(
                        InetAddress.getByName("127.0." + (1 + n / PER_SOURCE / 250) + "." + (1 + n / PER_SOURCE % 250)))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String body = "{\"mailingId\":\"" + mailing + "\",\"email\":\"p" + n + "@example.net\",\"message\":\"soak " + n
                + "\"}";
        String key = "soak-" + UUID.randomUUID();
        int status = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            attempts.incrementAndGet();
            var response = http.send(
                    HttpRequest.newBuilder(api.resolve("/complaints"))
                            .header("content-type", "application/json")
                            .header("idempotency-key", key)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status == 202) {
                accepted.put(JSON.readTree(response.body()).get("reference").asText(), mailing);
                return;
            }
            Thread.sleep(200);
        }
        refused.put(n, status);
    }

    record Audit(
            int stored,
            int storedTwice,
            int lost,
            long counted,
            int notified,
            int pending,
            int unfinished,
            Map<String, Integer> states) {}

    /** The abuse team's mails, and how many accepted complaints appear in more than two of them. */
    record TeamMails(int sent, int overMailed) {}

    private static Audit audit(LocalStack local, List<String> mailingIds, Map<String, String> accepted) {
        var stack = local.stack();
        try (var dynamoDb = stack.aws().dynamoDb()) {
            var byId = new HashMap<
                    String, List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>>>();
            for (var item : dynamoDb.scanPaginator(r -> r.tableName(stack.ref("ComplaintsTable")))
                    .items()) {
                if (item.containsKey("complaintId")
                        && accepted.containsKey(item.get("complaintId").s())) {
                    byId.computeIfAbsent(item.get("complaintId").s(), k -> new ArrayList<>())
                            .add(item);
                }
            }
            var mailings = new DynamoDbMailings(dynamoDb, stack.ref("MailingsTable"));
            long counted = 0;
            for (String id : mailingIds) {
                counted += mailings.find(new MailingId(id)).orElseThrow().complaints();
            }
            var due = mailings.due(Instant.now().plus(Duration.ofHours(1)), Duration.ofMinutes(15));
            int notified = 0;
            int pending = 0;
            int unfinished = 0;
            for (var items : byId.values()) {
                var item = items.get(0);
                String state = item.get("state").s();
                if (state.equals("NOTIFIED")) {
                    notified++;
                } else if (state.equals("COUNTED")
                        && due.contains(new MailingId(item.get("mailingId").s()))) {
                    pending++;
                } else {
                    unfinished++;
                }
            }
            int lost = accepted.size() - byId.size();
            var states = new TreeMap<String, Integer>();
            byId.values()
                    .forEach(items -> states.merge(items.get(0).get("state").s(), 1, Integer::sum));
            return new Audit(
                    byId.size(),
                    (int) byId.values().stream()
                            .filter(items -> items.size() > 1)
                            .count(),
                    lost,
                    counted,
                    notified,
                    pending,
                    unfinished + lost,
                    states);
        }
    }

    private static TeamMails teamMails(LocalStack local, Map<String, String> accepted) throws IOException {
        var texts = new ArrayList<String>();
        for (JsonNode mail : JSON.readTree(local.outbox().json())) {
            if (mail.get("to").toString().contains("abuse-team@example.com")) {
                texts.add(mail.get("text").asText());
            }
        }
        int overMailed = 0;
        for (String reference : accepted.keySet()) {
            if (texts.stream().filter(text -> text.contains(reference)).count() > 2) {
                overMailed++;
            }
        }
        return new TeamMails(texts.size(), overMailed);
    }
}
