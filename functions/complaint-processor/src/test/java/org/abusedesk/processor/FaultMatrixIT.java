package org.abusedesk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.config.Environment;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.local.Outbox;
import org.abusedesk.local.Stack;
import org.abusedesk.registration.Mailing;
import org.abusedesk.testkit.FaultInjector;
import org.abusedesk.testkit.FaultInjector.When;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The processor's fault matrix, against the moto server: DynamoDB throttling and conditional-check failures, SQS
 * redelivery and duplicate delivery, SES throttling and errors, a crash between every pair of SDK calls, and a
 * Lambda timeout mid-batch. Every case ends with the same audit: the complaint is counted exactly once, it is
 * notified or waits in its mailing's pending list (never lost), and the abuse team and the complainant got at most
 * one mail more than a clean run sends.
 */
@ExtendWith(MotoExtension.class)
class FaultMatrixIT {

    private final Stack stack;
    private final FaultInjector faults = new FaultInjector();
    private final ComplaintProcessorHandler handler;
    private final ProcessorWiring processing;
    private final DynamoDbComplaints complaints;
    private final DynamoDbMailings mailings;
    private final String account = "acc-" + UUID.randomUUID().toString().substring(0, 8);

    FaultMatrixIT(Stack stack) {
        this.stack = stack;
        var environment = new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction")));
        this.processing = ProcessorWiring.of(environment, new AwsClients(environment, List.of(faults)));
        this.handler = new ComplaintProcessorHandler(processing, new RecordingCheckpoints());
        var dynamoDb = stack.aws().dynamoDb();
        this.complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
        this.mailings = new DynamoDbMailings(dynamoDb, stack.ref("MailingsTable"));
    }

    @Test
    void dynamoDbThrottled_atEachOperationTheProcessorCalls_theMessageComesBack_andIsCountedOnce() {
        var operations = dynamoDbOperationsOfACleanRun();
        assertThat(operations).contains("GetItem", "TransactWriteItems");
        for (String operation : operations) {
            // GIVEN a new complaint, and DynamoDB refusing the operation's next call as over its provisioned rate
            var key = receive(register(), operation + "@example.net");
            faults.fail(operation, When.BEFORE, 1, "ProvisionedThroughputExceededException");

            // WHEN the queue delivers it until it is done
            var first = handler.handleRequest(event(key), null);
            faults.clear();
            redeliverUntilDone(key);

            // THEN the refused delivery came back, and the complaint is counted once, notified or pending
            if (operation.equals("TransactWriteItems") || operation.equals("GetItem")) {
                assertThat(first.getBatchItemFailures()).as(operation).hasSize(1);
            }
            assertCountedOnceAndNotLost(key, operation);
            // A refused call never took effect: no mail went out twice.
            assertThat(teamMails(key)).as(operation).hasSize(1);
            assertThat(acknowledgements(key)).as(operation).hasSizeBetween(0, 1);
        }
    }

    @Test
    void conditionalCheckFailures_fromEightDeliveriesOfOneMessageAtOnce_countOnce_andMailTheTeamOnce()
            throws Exception {
        // GIVEN a new complaint whose message the queue delivers eight times at the same moment
        var key = receive(register(), "race@example.net");
        var start = new CountDownLatch(1);
        var deliveries = new ArrayList<Callable<SQSBatchResponse>>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(() -> {
                start.await();
                return handler.handleRequest(event(key), null);
            });
        }

        // WHEN they race: all but one lose the conditional writes (RECEIVED → COUNTED, the window claim)
        try (var pool = Executors.newFixedThreadPool(deliveries.size())) {
            var futures = deliveries.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        redeliverUntilDone(key);

        // THEN the mailing counted it once, and the abuse team and the complainant each got one mail
        assertCountedOnceAndNotLost(key, "race");
        assertThat(teamMails(key)).hasSize(1);
        assertThat(acknowledgements(key)).hasSize(1);
    }

    @Test
    void sqsRedelivery_andDuplicateDelivery_inOneBatchAndLater_countOnce_andMailOnce() {
        // GIVEN a new complaint
        var key = receive(register(), "dup@example.net");

        // WHEN one batch holds its message twice (a duplicate delivery), and the queue redelivers it twice more
        var event = new SQSEvent();
        event.setRecords(List.of(message(key), message(key)));
        var batch = handler.handleRequest(event, null);
        var again = handler.handleRequest(event(key), null);
        var late = handler.handleRequest(event(key), null);

        // THEN nothing failed, and it was counted, acknowledged and mailed once
        assertThat(batch.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(late.getBatchItemFailures()).isEmpty();
        assertCountedOnceAndNotLost(key, "duplicate");
        assertThat(teamMails(key)).hasSize(1);
        assertThat(acknowledgements(key)).hasSize(1);
    }

    @Test
    void sesThrottled_theNotificationIsRetriedOrFlushed_andSentOnce() {
        // GIVEN a new complaint, and SES refusing the next two mails (the acknowledgement, then the team's)
        var key = receive(register(), "ses-throttle@example.net");
        faults.fail("SendEmail", When.BEFORE, 2, "TooManyRequestsException");

        // WHEN the queue delivers it, and redelivers what failed
        var first = handler.handleRequest(event(key), null);
        faults.clear();
        redeliverUntilDone(key);

        // THEN the refused notification failed the message, the redelivery sent it, once
        assertThat(first.getBatchItemFailures()).hasSize(1);
        assertCountedOnceAndNotLost(key, "ses throttled");
        assertThat(teamMails(key)).hasSize(1);
        // ... and a refused acknowledgement is not retried into a second one
        assertThat(acknowledgements(key)).hasSizeBetween(0, 1);
    }

    @Test
    void sesErrorAfterTheMailWentOut_theRedeliverySendsAtMostOneExtraMail() {
        for (int mails = 1; mails <= 2; mails++) {
            // GIVEN a new complaint, and SES losing its answer to the first (or the first two) mails it sent
            var key = receive(register(), "ses-lost-" + mails + "@example.net");
            faults.fail("SendEmail", When.AFTER, mails, "InternalFailure");

            // WHEN the queue delivers it, and redelivers what failed
            handler.handleRequest(event(key), null);
            faults.clear();
            redeliverUntilDone(key);

            // THEN it is counted once, and each mail went out at most twice
            assertCountedOnceAndNotLost(key, "ses error " + mails);
            assertThat(teamMails(key)).as("team, %d lost", mails).hasSizeBetween(1, 2);
            assertThat(acknowledgements(key))
                    .as("acknowledgement, %d lost", mails)
                    .hasSizeBetween(1, 2);
        }
    }

    @Test
    void aCrashBetweenEveryPairOfSteps_resumesOnRedelivery_countingOnce_andLosingNothing() {
        int steps = callsOfACleanRun();
        assertThat(steps).isGreaterThan(4);
        // Before the first SDK call, then after each: a crash before call n+1 is one after call n.
        for (var when : List.of(When.BEFORE, When.AFTER)) {
            for (int step = 1; step <= (when == When.BEFORE ? 1 : steps); step++) {
                // GIVEN a new complaint, and the function dying just before or just after its n-th SDK call
                String scenario = "crash " + when + " call " + step;
                var key = receive(register(), "crash-" + when + "-" + step + "@example.net");
                faults.failCall(step, when);

                // WHEN the queue delivers it, and redelivers until it is done
                handler.handleRequest(event(key), null);
                faults.clear();
                redeliverUntilDone(key);

                // THEN it is counted once, not lost, and no one got more than one extra mail
                assertCountedOnceAndNotLost(key, scenario);
                assertThat(acknowledgements(key)).as(scenario).hasSizeBetween(0, 2);
            }
        }
    }

    @Test
    void aLambdaTimeoutMidBatch_handsTheUnstartedMessagesBack_andTheirRedeliveryFinishesThem() {
        // GIVEN a batch of five new complaints, and a function whose time runs short after the second
        var keys = new ArrayList<ComplaintKey>();
        for (int i = 0; i < 5; i++) {
            keys.add(receive(register(), "timeout-" + i + "@example.net"));
        }
        var messages = keys.stream().map(FaultMatrixIT::message).toList();
        var event = new SQSEvent();
        event.setRecords(messages);
        var asked = new AtomicInteger();
        var context = new InvocationContext(
                "timeout",
                () -> asked.incrementAndGet() <= 2 ? 30_000 : ComplaintProcessorHandler.MILLIS_PER_COMPLAINT - 1);

        // WHEN the batch is handled
        var response = handler.handleRequest(event, context);

        // THEN the three it had no time for are reported, not started; the first two are done
        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(
                        messages.get(2).getMessageId(),
                        messages.get(3).getMessageId(),
                        messages.get(4).getMessageId());
        assertThat(keys.subList(0, 2)).allSatisfy(key -> assertThat(state(key)).isEqualTo(ComplaintState.NOTIFIED));
        assertThat(keys.subList(2, 5)).allSatisfy(key -> assertThat(state(key)).isEqualTo(ComplaintState.RECEIVED));

        // ... and WHEN the queue redelivers the batch (the finished ones too, as after a real timeout)
        var redelivery = handler.handleRequest(event, null);

        // THEN all five are counted once and mailed once
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        for (var key : keys) {
            assertCountedOnceAndNotLost(key, "timeout");
            assertThat(teamMails(key)).hasSize(1);
        }
    }

    /** The DynamoDB operations one complaint's clean processing calls. */
    private TreeSet<String> dynamoDbOperationsOfACleanRun() {
        var probe = new FaultInjector();
        var environment = new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction")));
        var probed = new ComplaintProcessorHandler(
                ProcessorWiring.of(environment, new AwsClients(environment, List.of(probe))),
                new RecordingCheckpoints());
        var key = receive(register(), "probe@example.net");
        assertThat(probed.handleRequest(event(key), null).getBatchItemFailures())
                .isEmpty();
        var operations = new TreeSet<>(probe.operations());
        operations.remove("SendEmail");
        return operations;
    }

    /** How many SDK calls one complaint's clean processing makes. */
    private int callsOfACleanRun() {
        var probe = new FaultInjector();
        var environment = new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction")));
        var probed = new ComplaintProcessorHandler(
                ProcessorWiring.of(environment, new AwsClients(environment, List.of(probe))),
                new RecordingCheckpoints());
        var key = receive(register(), "probe-calls@example.net");
        assertThat(probed.handleRequest(event(key), null).getBatchItemFailures())
                .isEmpty();
        return probe.calls();
    }

    /** Redelivers the message while the handler reports it failed, as the queue does, up to its redrive limit. */
    private void redeliverUntilDone(ComplaintKey key) {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (handler.handleRequest(event(key), null).getBatchItemFailures().isEmpty()) {
                return;
            }
        }
        throw new AssertionError("still failing after five redeliveries: " + key);
    }

    /**
     * Counted once by its mailing, and notified: at once, or (held back by its mailing's window) pending and then
     * mailed by the next scheduled flush, which this runs as if its window had passed.
     */
    private void assertCountedOnceAndNotLost(ComplaintKey key, String scenario) {
        assertThat(mailings.find(key.mailingId()).orElseThrow().complaints())
                .as("counted once: %s", scenario)
                .isEqualTo(1);
        var state = state(key);
        assertThat(state).as("not lost: %s", scenario).isIn(ComplaintState.NOTIFIED, ComplaintState.COUNTED);
        if (state == ComplaintState.COUNTED) {
            var later = Instant.now().plus(Duration.ofHours(1));
            assertThat(mailings.due(later, Duration.ofMinutes(15)))
                    .as("pending for the next mail: %s", scenario)
                    .contains(key.mailingId());
            processing.flushNotifications().flush(later);
        }
        assertThat(state(key)).as("notified: %s", scenario).isEqualTo(ComplaintState.NOTIFIED);
        assertThat(teamMails(key)).as("team mails: %s", scenario).hasSizeBetween(1, 2);
    }

    /** A complaint stored by the intake, on a mailing of its own. */
    private ComplaintKey receive(String mailing, String email) {
        var complaint = CaseFixtures.form(mailing, Instant.now(), ComplaintState.RECEIVED, email);
        complaints.add(complaint);
        return complaint.key();
    }

    /** A mailing to a million recipients: one complaint escalates nothing, so each case sends one team mail. */
    private String register() {
        String mailing = "m" + UUID.randomUUID().toString().substring(0, 8);
        mailings.register(Mailing.registered(
                new MailingId(mailing),
                new AccountId(account),
                OptionalLong.of(1_000_000L),
                Instant.now().minus(Duration.ofHours(1)),
                Optional.of("Winter sale"),
                Optional.empty()));
        return mailing;
    }

    private ComplaintState state(ComplaintKey key) {
        return complaints.find(key, Instant.now()).orElseThrow().state();
    }

    private List<Outbox.Mail> teamMails(ComplaintKey key) {
        return new Outbox(stack.aws().uri())
                .mails().stream()
                        .filter(m -> m.to().contains("abuse-team@example.com")
                                && m.subject().contains("Mailing " + key.mailingId() + " "))
                        .toList();
    }

    private List<Outbox.Mail> acknowledgements(ComplaintKey key) {
        return new Outbox(stack.aws().uri())
                .mails().stream()
                        .filter(m -> m.subject().contains(key.complaintId().value())
                                && !m.to().contains("abuse-team@example.com"))
                        .toList();
    }

    private static SQSEvent event(ComplaintKey key) {
        var event = new SQSEvent();
        event.setRecords(List.of(message(key)));
        return event;
    }

    private static SQSEvent.SQSMessage message(ComplaintKey key) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody("{\"mailingId\": \"" + key.mailingId() + "\", \"complaintId\": \"" + key.complaintId() + "\"}");
        message.setAttributes(new HashMap<>(Map.of("ApproximateReceiveCount", "1")));
        return message;
    }
}
