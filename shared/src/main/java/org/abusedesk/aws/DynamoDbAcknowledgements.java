package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.processing.AcknowledgementAddress;
import org.abusedesk.processing.Acknowledgements;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Acknowledgement records: {@code acknowledgedAt} on the complaint item (once per case), a per-address counter and
 * the desk's counter of all acknowledgements, both per UTC day in the limits table (TTL), written together or not at
 * all. The address counter is keyed by {@link AcknowledgementAddress#limitHash}: no address in any key.
 */
public final class DynamoDbAcknowledgements implements Acknowledgements {

    private static final Duration KEPT = Duration.ofDays(2);

    private final DynamoDbClient dynamoDb;
    private final String complaintsTable;
    private final String limitsTable;
    private final int perAddressPerDay;
    private final int perDay;

    public DynamoDbAcknowledgements(
            DynamoDbClient dynamoDb, String complaintsTable, String limitsTable, int perAddressPerDay, int perDay) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.complaintsTable = Objects.requireNonNull(complaintsTable, "complaintsTable == null");
        this.limitsTable = Objects.requireNonNull(limitsTable, "limitsTable == null");
        this.perAddressPerDay = perAddressPerDay;
        this.perDay = perDay;
    }

    @Override
    public Outcome record(Complaint complaint, Instant now) {
        var day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String addressKey = "ack#"
                + AcknowledgementAddress.limitHash(complaint.complainant().email())
                        .value() + "#" + day;
        long expires = now.plus(KEPT).getEpochSecond();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(complaintsTable)
                                    .key(DynamoDbComplaints.key(complaint.key()))
                                    .updateExpression("SET acknowledgedAt = :now")
                                    .conditionExpression(
                                            "attribute_exists(complaintId) AND attribute_not_exists(acknowledgedAt)")
                                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli())))
                                    .build())
                            .build(),
                    counter(addressKey, perAddressPerDay, expires),
                    counter("ack-budget#" + day, perDay, expires)));
            return Outcome.RECORDED;
        } catch (TransactionCanceledException e) {
            return outcome(e);
        }
    }

    /** One more on a day's counter, unless it reached its limit. */
    private TransactWriteItem counter(String limitKey, int limit, long expires) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(limitsTable)
                        .key(Map.of("limitKey", s(limitKey)))
                        .updateExpression("ADD used :one SET expiresAt = :expires")
                        .conditionExpression("attribute_not_exists(used) OR used < :limit")
                        .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit), ":expires", n(expires)))
                        .build())
                .build();
    }

    /**
     * Which condition stopped the transaction, in the order of its items: the case first (a redelivery is no
     * skipped acknowledgement), then the address, then the budget.
     */
    private static Outcome outcome(TransactionCanceledException e) {
        var reasons = e.cancellationReasons();
        if (reasons.size() == 3) {
            if (failed(reasons.get(0))) {
                return Outcome.ALREADY_ACKNOWLEDGED;
            }
            if (failed(reasons.get(1))) {
                return Outcome.ADDRESS_LIMIT;
            }
            if (failed(reasons.get(2))) {
                return Outcome.BUDGET;
            }
        }
        // Cancelled for another reason (a conflict): fail safe, send nothing; counted as the case already handled.
        return Outcome.ALREADY_ACKNOWLEDGED;
    }

    private static boolean failed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }
}
