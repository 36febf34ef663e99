package org.abusedesk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbAccounts;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Outbox;
import org.abusedesk.local.Stack;
import org.abusedesk.local.StreamRelay;
import org.abusedesk.registration.Mailing;
import org.abusedesk.testkit.AccountEvents;
import org.abusedesk.testkit.FaultInjector;
import org.abusedesk.testkit.FaultInjector.When;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The processor with its real DynamoDB and SES adapters on the moto server, with faults injected into the SDK. */
@ExtendWith(MotoExtension.class)
class ProcessorIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Stack stack;
    private final FaultInjector faults = new FaultInjector();
    private final ComplaintProcessorHandler handler;
    private final DynamoDbComplaints complaints;
    private final DynamoDbMailings mailings;
    private final DynamoDbAccounts accounts;
    private final String account = "acc-" + UUID.randomUUID().toString().substring(0, 8);

    ProcessorIT(Stack stack) {
        this.stack = stack;
        var environment = new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction")));
        this.handler = new ComplaintProcessorHandler(
                ProcessorWiring.of(environment, new AwsClients(environment, List.of(faults))),
                new RecordingCheckpoints());
        var dynamoDb = stack.aws().dynamoDb();
        this.complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
        this.mailings = new DynamoDbMailings(dynamoDb, stack.ref("MailingsTable"));
        this.accounts = new DynamoDbAccounts(dynamoDb, stack.ref("AccountsTable"));
    }

    @Test
    void threeComplaintsOnAThousandRecipients_flagTheAccount_mailTwice_suppressThree_andPublishTheChange()
            throws Exception {
        // GIVEN a registered mailing to 1,000 recipients, and a rule on the desk's bus that keeps its events
        String mailing = register(1000L);
        String eventsQueue = subscribeToAccountEvents();

        // WHEN three people complain through the form, and the queue delivers each complaint
        var keys = new ArrayList<ComplaintKey>();
        for (String person : List.of("a", "b", "c")) {
            var key = receive(mailing, person + "@example.net");
            keys.add(key);
            assertThat(handler.handleRequest(event(key), null).getBatchItemFailures())
                    .isEmpty();
        }

        // THEN the account is FLAGGED, once, for the rate of 0.3 %; not PAUSED, for none is verified
        var flagged = accounts.find(new AccountId(account)).orElseThrow();
        assertThat(flagged.status()).isEqualTo(AccountStatus.FLAGGED);
        assertThat(flagged.complaints()).isEqualTo(3);
        assertThat(flagged.history())
                .singleElement()
                .satisfies(change -> assertThat(change.reason())
                        .isEqualTo("complaint rate 0.3000 % >= 0.1 % with 3 complaints on 1000 recipients"));
        // ... the abuse team got the first complaint's mail and the escalation's mail, which holds the other two
        var teamMails = mailsTo("abuse-team@example.com", mailing);
        assertThat(teamMails)
                .extracting(Outbox.Mail::subject)
                .containsExactly(
                        "[ACTIVE] Mailing " + mailing + " · account " + account + " · 1 complaint · 0.10 %",
                        "[FLAGGED] Mailing " + mailing + " · account " + account + " · 3 complaints · 0.30 %");
        assertThat(teamMails.get(1).text())
                .contains(
                        keys.get(1).complaintId().value(),
                        keys.get(2).complaintId().value())
                .contains("Account " + account + " escalated: ACTIVE → FLAGGED");
        assertThat(keys).allSatisfy(key -> assertThat(state(key)).isEqualTo(ComplaintState.NOTIFIED));
        // ... each complainant was acknowledged once and is suppressed for the account
        assertThat(new Outbox(stack.aws().uri()).mails())
                .filteredOn(m -> m.subject().startsWith("Ihre Beschwerde ist eingegangen")
                        && keys.stream()
                                .anyMatch(k ->
                                        m.subject().contains(k.complaintId().value())))
                .hasSize(3);
        assertThat(accounts.of(new AccountId(account))).hasSize(3);
        // ... and the account's history reached the sending platform as an AccountStatusChanged event
        new StreamRelay(stack.pipe("AccountEventsPipe"), stack.aws()).relay();
        try (var sqs = stack.aws().sqs()) {
            var received = sqs.receiveMessage(r -> r.queueUrl(eventsQueue).waitTimeSeconds(2))
                    .messages();
            assertThat(received).singleElement().satisfies(message -> {
                var event = JSON.readTree(message.body());
                assertThat(event.get("detail-type").asText()).isEqualTo("AccountStatusChanged");
                assertThat(event.get("source").asText()).isEqualTo("abuse-desk");
                assertThat(event.at("/detail/accountId").asText()).isEqualTo(account);
                assertThat(event.at("/detail/from").asText()).isEqualTo("ACTIVE");
                assertThat(event.at("/detail/to").asText()).isEqualTo("FLAGGED");
                assertThat(event.at("/detail/changedBy").asText()).isEqualTo("abuse-desk");
                // No personal data travels with it.
                assertThat(message.body()).doesNotContain("@example.net");
            });
        }
    }

    @Test
    void aCrashAtAnyPoint_resumesOnRedelivery_countingOnce_andLosingNothing() {
        for (var crash : List.of(
                new Object[] {"TransactWriteItems", When.BEFORE, 1},
                new Object[] {"TransactWriteItems", When.AFTER, 1},
                // The acknowledgement's mail and then the abuse team's: a failed acknowledgement alone fails nothing.
                new Object[] {"SendEmail", When.BEFORE, 2},
                new Object[] {"UpdateItem", When.AFTER, 1})) {
            // GIVEN a new complaint on a mailing of its own (no storm-control window taken), and a fault at one point
            String mailing = register(1_000_000L);
            var key = receive(mailing, crash[0] + "-" + crash[1] + "@example.net");
            long before = mailingComplaints(mailing);
            faults.fail((String) crash[0], (When) crash[1], (Integer) crash[2]);

            // WHEN the queue delivers it, the first attempt fails, and the redelivery comes
            var first = handler.handleRequest(event(key), null);
            faults.clear();
            var second = handler.handleRequest(event(key), null);
            var third = handler.handleRequest(event(key), null);

            // THEN the first attempt was reported as failed, and the complaint was counted exactly once
            assertThat(first.getBatchItemFailures())
                    .as("%s %s", crash[0], crash[1])
                    .hasSize(1);
            assertThat(second.getBatchItemFailures()).isEmpty();
            assertThat(third.getBatchItemFailures()).isEmpty();
            assertThat(mailingComplaints(mailing))
                    .as("%s %s", crash[0], crash[1])
                    .isEqualTo(before + 1);
            // ... and it is either notified or waits in the mailing's pending list for the next mail: never lost
            assertThat(state(key)).isIn(ComplaintState.NOTIFIED, ComplaintState.COUNTED);
            if (state(key) == ComplaintState.COUNTED) {
                assertThat(mailings.due(Instant.now().plus(Duration.ofHours(1)), Duration.ofMinutes(15)))
                        .contains(new MailingId(mailing));
            }
        }
    }

    @Test
    void twentyConcurrentComplaints_forOneAccount_countExactly_andTransitionOnce() throws Exception {
        String mailing = register(1000L);
        var keys = new ArrayList<ComplaintKey>();
        for (int i = 0; i < 20; i++) {
            keys.add(receive(mailing, "p" + i + "@example.net"));
        }
        var deliveries = new ArrayList<Callable<SQSBatchResponse>>();
        for (var key : keys) {
            deliveries.add(() -> handler.handleRequest(event(key), null));
        }

        try (var pool = Executors.newFixedThreadPool(10)) {
            for (var future : pool.invokeAll(deliveries)) {
                future.get();
            }
        }
        // Whatever lost a race was reported for redelivery: deliver those once more.
        for (var key : keys) {
            if (state(key) == ComplaintState.RECEIVED) {
                handler.handleRequest(event(key), null);
            }
        }

        var result = accounts.find(new AccountId(account)).orElseThrow();
        assertThat(mailingComplaints(mailing)).isEqualTo(20);
        assertThat(result.complaints()).isEqualTo(20);
        assertThat(result.status()).isEqualTo(AccountStatus.FLAGGED);
        assertThat(result.history()).hasSize(1);
        assertThat(accounts.of(new AccountId(account))).hasSize(20);
    }

    /** Stores a form complaint as the intake does, received now. */
    private ComplaintKey receive(String mailing, String email) {
        var complaint = CaseFixtures.form(mailing, Instant.now(), ComplaintState.RECEIVED, email);
        complaints.add(complaint);
        return complaint.key();
    }

    private String register(Long recipients) {
        String mailing = "m" + UUID.randomUUID().toString().substring(0, 8);
        mailings.register(Mailing.registered(
                new MailingId(mailing),
                new AccountId(account),
                recipients == null ? OptionalLong.empty() : OptionalLong.of(recipients),
                Instant.now().minus(Duration.ofHours(1)),
                Optional.of("Winter sale"),
                Optional.empty()));
        return mailing;
    }

    private long mailingComplaints(String mailing) {
        return mailings.find(new MailingId(mailing)).orElseThrow().complaints();
    }

    private ComplaintState state(ComplaintKey key) {
        return complaints.find(key, Instant.now()).orElseThrow().state();
    }

    private List<Outbox.Mail> mailsTo(String address, String mailing) {
        return new Outbox(stack.aws().uri())
                .mails().stream()
                        .filter(m -> m.to().contains(address) && m.subject().contains("Mailing " + mailing + " "))
                        .toList();
    }

    private String subscribeToAccountEvents() {
        return AccountEvents.subscribe(stack);
    }

    private static SQSEvent event(ComplaintKey key) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody("{\"mailingId\": \"" + key.mailingId() + "\", \"complaintId\": \"" + key.complaintId() + "\"}");
        message.setAttributes(new HashMap<>(Map.of("ApproximateReceiveCount", "1")));
        var event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
