package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.intake.Admission;
import org.abusedesk.intake.IdempotencyKey;
import org.abusedesk.intake.IdempotencyRecord;
import org.abusedesk.intake.Intakes;
import org.abusedesk.intake.SourceKey;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The intake table's adapters against the moto server: idempotency records and each source's recent complaints. */
@ExtendWith(MotoExtension.class)
class DynamoDbIntakeIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final SourceLimit THREE_PER_MINUTE = new SourceLimit(3, Duration.ofMinutes(1));

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbIntakeIT(Stack stack) {
        this.dynamoDb = stack.aws().dynamoDb();
        this.table = stack.ref("IntakeTable");
    }

    @Test
    void idempotencyRecord_isStoredOnce_underAHashOfItsKey() {
        // GIVEN a record of a client's key
        var records = new DynamoDbIdempotencyRecords(dynamoDb, table);
        var key = IdempotencyKey.client("client-key-" + NOW.toEpochMilli());
        var first = record(key, ComplaintKey.of("14141611", "01KB3V9X4E0ZQ6K8N2M5T7R1YH"));
        var second = record(key, ComplaintKey.of("14141611", "01KB3V9X4E0ZQ6K8N2M5T7R1YJ"));

        // WHEN it is put, and another record of the same key after it
        var stored = records.putIfAbsent(first);
        var holding = records.putIfAbsent(second);

        // THEN the first holds, is found, and the item names neither the key nor anything personal
        assertThat(stored).isEqualTo(first);
        assertThat(holding).isEqualTo(first);
        assertThat(records.find(key, NOW)).contains(first);
        var item = dynamoDb.getItem(r ->
                        r.tableName(table).key(Map.of("pk", AttributeValue.fromS(DynamoDbIdempotencyRecords.pk(key)))))
                .item();
        assertThat(item.get("pk").s()).matches("idem#[0-9a-f]{64}");
        assertThat(item.keySet())
                .containsExactlyInAnyOrder("pk", "fingerprint", "mailingId", "complaintId", "receivedAt", "expiresAt");
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(NOW.plus(Duration.ofHours(48)).getEpochSecond()));
    }

    @Test
    void idempotencyRecord_pastItsExpiry_isNotFound_andMayBeReplaced() {
        var records = new DynamoDbIdempotencyRecords(dynamoDb, table);
        var key = IdempotencyKey.client("expiring-" + NOW.toEpochMilli());
        var old = record(key, ComplaintKey.of("1", "01KB3V9X4E0ZQ6K8N2M5T7R1YH"));
        records.putIfAbsent(old);
        var later = NOW.plus(Duration.ofHours(49));
        var fresh = new IdempotencyRecord(
                key, "f", ComplaintKey.of("1", "01KB3V9X4E0ZQ6K8N2M5T7R1YK"), later, later.plus(Duration.ofHours(48)));

        assertThat(records.find(key, later)).isEmpty();
        assertThat(records.putIfAbsent(fresh)).isEqualTo(fresh);
    }

    @Test
    void sourceCounter_admitsUpToTheLimit_thenRefusesWithTheTimeUntilRoom() {
        // GIVEN a source and a limit of three a minute
        var counter = new DynamoDbSourceCounter(dynamoDb, table, THREE_PER_MINUTE);
        var source = SourceKey.of("198.51.100." + (NOW.getEpochSecond() % 250), Intakes.SECRET);

        // WHEN four complaints come, ten seconds apart
        var admissions = new ArrayList<Admission>();
        for (int i = 0; i < 4; i++) {
            admissions.add(counter.admit(source, NOW.plusSeconds(10L * i)));
        }

        // THEN three are admitted, the fourth waits for the first to leave the minute; the item holds no address
        assertThat(admissions)
                .containsExactly(
                        new Admission.Admitted(),
                        new Admission.Admitted(),
                        new Admission.Admitted(),
                        new Admission.Refused(Duration.ofSeconds(30)));
        var item = dynamoDb.getItem(r ->
                        r.tableName(table).key(Map.of("pk", AttributeValue.fromS("source#" + source.value()))))
                .item();
        assertThat(item.get("times").l()).hasSize(3);
        assertThat(item.get("revision").n()).isEqualTo("3");
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(NOW.plusSeconds(80).getEpochSecond()));
        assertThat(item.toString()).doesNotContain("198.51.100");
        assertThat(counter.admit(source, NOW.plusSeconds(60))).isEqualTo(new Admission.Admitted());
    }

    @Test
    void sourceCounter_underConcurrentSubmissions_neverAdmitsMoreThanTheLimit() throws Exception {
        var counter = new DynamoDbSourceCounter(dynamoDb, table, THREE_PER_MINUTE);
        var source = SourceKey.of("203.0.113." + (NOW.getEpochSecond() % 250), Intakes.SECRET);
        var tasks = new ArrayList<Callable<Admission>>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> counter.admit(source, NOW));
        }

        try (var pool = Executors.newFixedThreadPool(8)) {
            long admitted = pool.invokeAll(tasks).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .filter(a -> a instanceof Admission.Admitted)
                    .count();
            assertThat(admitted).isLessThanOrEqualTo(3);
        }
    }

    private static IdempotencyRecord record(IdempotencyKey key, ComplaintKey complaint) {
        return new IdempotencyRecord(key, "fingerprint", complaint, NOW, NOW.plus(Duration.ofHours(48)));
    }
}
