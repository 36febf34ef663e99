package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.intake.Admission;
import org.abusedesk.intake.SourceCounter;
import org.abusedesk.intake.SourceKey;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.intake.SubmissionLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Each source's recent complaints in the intake table, one item under {@code source#<keyed hash>}, removed by TTL
 * once its newest complaint left the window. Written with optimistic locking (a revision number), so two
 * submissions at once cannot both take the last place.
 */
public final class DynamoDbSourceCounter implements SourceCounter {

    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SourceLimit limit;

    public DynamoDbSourceCounter(DynamoDbClient dynamoDb, String table, SourceLimit limit) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
        this.limit = Objects.requireNonNull(limit, "limit == null");
    }

    @Override
    public Admission admit(SourceKey source, Instant now) {
        var pk = s("source#" + source.value());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var item = dynamoDb.getItem(
                            r -> r.tableName(table).key(Map.of("pk", pk)).consistentRead(true))
                    .item();
            boolean exists = item != null && !item.isEmpty();
            long revision = exists ? Long.parseLong(item.get("revision").n()) : 0;
            var log = exists ? log(item) : SubmissionLog.EMPTY;
            var decision = log.admit(now, limit);
            if (decision.admission() instanceof Admission.Refused) {
                return decision.admission();
            }
            var next = Map.of(
                    "pk", pk,
                    "times", times(decision.log()),
                    "revision", n(revision + 1),
                    "expiresAt",
                            AttributeValue.fromN(Long.toString(
                                    decision.log().expiresAt(limit).getEpochSecond())));
            try {
                if (exists) {
                    dynamoDb.putItem(r -> r.tableName(table)
                            .item(next)
                            .conditionExpression("revision = :revision")
                            .expressionAttributeValues(Map.of(":revision", n(revision))));
                } else {
                    dynamoDb.putItem(
                            r -> r.tableName(table).item(next).conditionExpression("attribute_not_exists(pk)"));
                }
                return decision.admission();
            } catch (ConditionalCheckFailedException e) {
                // Another submission from the same source wrote first: read again and decide again.
            }
        }
        // Still contended after several tries: this source is sending in bursts, which the limit is for.
        return new Admission.Refused(Duration.ofSeconds(1));
    }

    private static AttributeValue times(SubmissionLog log) {
        return AttributeValue.fromL(
                log.times().stream().map(t -> n(t.toEpochMilli())).toList());
    }

    private static SubmissionLog log(Map<String, AttributeValue> item) {
        return new SubmissionLog(item.get("times").l().stream()
                .map(v -> Instant.ofEpochMilli(Long.parseLong(v.n())))
                .toList());
    }
}
