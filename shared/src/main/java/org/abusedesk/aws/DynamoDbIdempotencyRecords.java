package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.intake.IdempotencyKey;
import org.abusedesk.intake.IdempotencyRecord;
import org.abusedesk.intake.IdempotencyRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records in the intake table, one item each under {@code idem#<SHA-256 of the key>} (a client's key
 * is kept only as its hash), removed by TTL after {@code expiresAt}.
 */
public final class DynamoDbIdempotencyRecords implements IdempotencyRecords {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbIdempotencyRecords(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now) {
        var item = dynamoDb.getItem(
                        r -> r.tableName(table).key(Map.of("pk", s(pk(key)))).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        var record = fromItem(key, item);
        // TTL deletes late: an expired record counts as gone.
        return record.expiresAt().isAfter(now) ? Optional.of(record) : Optional.empty();
    }

    @Override
    public IdempotencyRecord putIfAbsent(IdempotencyRecord record) {
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(toItem(record))
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", epochSeconds(record.receivedAt()))));
            return record;
        } catch (ConditionalCheckFailedException e) {
            return find(record.key(), record.receivedAt())
                    .orElseThrow(() -> new IllegalStateException("idempotency record vanished while being read"));
        }
    }

    static String pk(IdempotencyKey key) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(key.value().getBytes(StandardCharsets.UTF_8));
            return "idem#" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Map<String, AttributeValue> toItem(IdempotencyRecord record) {
        return Map.of(
                "pk", s(pk(record.key())),
                "fingerprint", s(record.fingerprint()),
                "mailingId", s(record.complaint().mailingId().value()),
                "complaintId", s(record.complaint().complaintId().value()),
                "receivedAt", s(record.receivedAt().toString()),
                "expiresAt", epochSeconds(record.expiresAt()));
    }

    private static IdempotencyRecord fromItem(IdempotencyKey key, Map<String, AttributeValue> item) {
        return new IdempotencyRecord(
                key,
                item.get("fingerprint").s(),
                ComplaintKey.of(
                        item.get("mailingId").s(), item.get("complaintId").s()),
                Instant.parse(item.get("receivedAt").s()),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return n(instant.getEpochSecond());
    }
}
