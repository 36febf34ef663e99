package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.registration.Mailing;
import org.abusedesk.testkit.FaultInjector;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class DynamoDbMailingsIT {

    private static final Instant SENT = Instant.parse("2025-11-20T09:30:00Z");
    private static final Instant NOW = Instant.parse("2025-11-20T12:00:00Z");

    private final Stack stack;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbMailings mailings;
    private final List<Duration> waits = new ArrayList<>();

    DynamoDbMailingsIT(Stack stack) {
        this.stack = stack;
        this.dynamoDb = stack.aws().dynamoDb();
        this.table = stack.ref("MailingsTable");
        this.mailings = new DynamoDbMailings(dynamoDb, table);
    }

    @Test
    void register_keepsTheOptInEvidence_andARegistrationWithoutItRemovesIt() {
        var mailing = mailing(prefix() + "1", "121070", Optional.of("https://optin.example.com/proof/1"));
        mailings.register(mailing);
        assertThat(mailings.find(mailing.id())).contains(mailing);

        var without = mailing(mailing.id().value(), "121070", Optional.empty());
        mailings.register(without);

        assertThat(mailings.find(mailing.id())).contains(without);
        assertThat(item(mailing.id())).doesNotContainKey("optInEvidence");
    }

    @Test
    void registerAll_putsNewMailings_leavesIdenticalOnesAlone_andUpdatesChangedOnesKeepingCountersAndNotifications() {
        // GIVEN a registered mailing with complaints and a held-back notification, an identical one, and a mailing
        // that complaints named before it was registered
        String p = prefix();
        var changed = mailing(p + "changed", "121070", Optional.empty());
        var same = mailing(p + "same", "121070", Optional.of("proof"));
        mailings.register(changed);
        mailings.register(same);
        var early = new MailingId(p + "early");
        for (var id : List.of(changed.id(), same.id(), early)) {
            countComplaint(id, true);
            countComplaint(id, false);
            mailings.claimNow(id, NOW);
            mailings.markPending(id, NOW);
        }
        var before = item(same.id());

        // WHEN all three and a new one are registered at once, the first and third with new values
        var changedNow = mailing(changed.id().value(), "121071", Optional.of("proof"));
        var earlyNow = mailing(early.value(), "121070", Optional.empty());
        var fresh = mailing(p + "fresh", "121070", Optional.empty());
        var counting = new FaultInjector();
        var result = adapter(counting).registerAll(List.of(changedNow, same, earlyNow, fresh));

        // THEN the new one is put, the changed ones are updated, the identical one is not written at all ...
        assertThat(result.written()).containsExactlyInAnyOrder(changedNow.id(), earlyNow.id(), fresh.id());
        assertThat(result.unchanged()).containsExactly(same.id());
        assertThat(result.failed()).isEmpty();
        assertThat(counting.calls("BatchWriteItem")).isEqualTo(1);
        assertThat(counting.calls("UpdateItem")).isEqualTo(2);
        assertThat(item(same.id())).isEqualTo(before);
        // ... and every counter and notification mark survived
        for (var expected : List.of(changedNow, earlyNow)) {
            var stored = mailings.find(expected.id()).orElseThrow();
            assertThat(stored.registration()).isEqualTo(expected);
            assertThat(stored.complaints()).isEqualTo(2);
            assertThat(stored.verifiedComplaints()).isEqualTo(1);
            assertThat(item(expected.id()))
                    .containsEntry("lastNotifiedAt", AttributeValue.fromN(Long.toString(NOW.toEpochMilli())))
                    .containsEntry("notifyPending", AttributeValue.fromS("PENDING"));
        }
        assertThat(mailings.find(fresh.id())).contains(fresh);
    }

    @Test
    void registerAll_putsAgainWhatDynamoDbLeftUnprocessed_afterWaitsThatGrow() {
        // GIVEN DynamoDB writes only 5 requests of each of the next three batches
        var throttle = new UnprocessedWrites(3, 5);
        var batch = mailings(prefix(), 25);

        // WHEN 25 new mailings are registered
        var result = adapter(throttle).registerAll(batch);

        // THEN all are written in the end: 5, 5, 5 and then the last 10, with a wait before each retry
        assertThat(result.written()).hasSize(25);
        assertThat(result.failed()).isEmpty();
        assertThat(throttle.calls()).isEqualTo(4);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(25), Duration.ofMillis(50));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(batch).allSatisfy(m -> assertThat(mailings.find(m.id())).contains(m));
    }

    @Test
    void registerAll_givesUpAfterItsAttempts_reportingTheUnwrittenAsFailed() {
        // GIVEN DynamoDB writes one request a batch, whatever is asked
        var throttle = new UnprocessedWrites(Integer.MAX_VALUE, 1);
        var batch = mailings(prefix(), 10);

        // WHEN ten new mailings are registered with eight attempts
        var result = adapter(throttle).registerAll(batch);

        // THEN eight are written, and two are reported as not written, with why
        assertThat(result.written()).hasSize(8);
        assertThat(result.failed()).hasSize(2).allSatisfy((id, why) -> {
            assertThat(why).isEqualTo("DynamoDB left it unprocessed 8 times");
            assertThat(mailings.find(id)).isEmpty();
        });
    }

    @Test
    void registerAll_updatesInsteadOfPuttingAgain_aMailingAComplaintWasCountedOnWhileItWaited() {
        // GIVEN the first batch is throttled, and meanwhile a complaint is counted on one of its mailings
        var throttle = new UnprocessedWrites(1, 1);
        var batch = mailings(prefix(), 3);
        throttle.meanwhile(() -> countComplaint(batch.get(2).id(), true));

        // WHEN they are registered
        var result = adapter(throttle).registerAll(batch);

        // THEN all three are registered, and the complaint counted meanwhile was not put over
        assertThat(result.written()).hasSize(3);
        var counted = mailings.find(batch.get(2).id()).orElseThrow();
        assertThat(counted.registration()).isEqualTo(batch.get(2));
        assertThat(counted.complaints()).isEqualTo(1);
        assertThat(counted.verifiedComplaints()).isEqualTo(1);
    }

    @Test
    void registerAll_reportsEveryMailingOfABatchDynamoDbRefused_andGoesOnWithTheNext() {
        // GIVEN the first BatchWriteItem fails for good
        var faults = new FaultInjector();
        faults.fail("BatchWriteItem", FaultInjector.When.BEFORE, 1);
        var batch = mailings(prefix(), 30);

        // WHEN thirty new mailings are registered: a batch of 25 and one of 5
        var result = adapter(faults).registerAll(batch);

        // THEN the first 25 are reported with DynamoDB's error code, and the last 5 are written
        assertThat(result.failed()).hasSize(25).containsValue("DynamoDB refused it: Throttling");
        assertThat(result.written()).hasSize(5);
    }

    private DynamoDbMailings adapter(ExecutionInterceptor interceptor) {
        var environment = new Environment(Map.of(
                "AWS_REGION",
                stack.aws().region().id(),
                "AWS_ENDPOINT_URL",
                stack.aws().uri().toString()));
        var client = new AwsClients(environment, List.of(interceptor)).dynamoDb();
        return new DynamoDbMailings(
                client, table, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 8, waits::add));
    }

    /** What the ledger's transaction adds to a mailing when it counts a complaint. */
    private void countComplaint(MailingId id, boolean verified) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(DynamoDbMailings.key(id))
                .updateExpression("ADD complaints :one, verifiedComplaints :verified")
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"), ":verified", AttributeValue.fromN(verified ? "1" : "0"))));
    }

    private Map<String, AttributeValue> item(MailingId id) {
        return dynamoDb.getItem(
                        r -> r.tableName(table).key(DynamoDbMailings.key(id)).consistentRead(true))
                .item();
    }

    private static List<Mailing> mailings(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> mailing(prefix + i, "121070", Optional.empty()))
                .toList();
    }

    private static Mailing mailing(String id, String account, Optional<String> optInEvidence) {
        return Mailing.registered(
                new MailingId(id),
                new AccountId(account),
                OptionalLong.of(1000),
                SENT,
                Optional.of("Herbst-Angebote"),
                Optional.of("news@example.com"),
                optInEvidence);
    }

    private static String prefix() {
        return "m" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
