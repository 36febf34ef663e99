package org.abusedesk.aws;

import static org.abusedesk.aws.DynamoDbComplaints.s;
import static org.abusedesk.aws.DynamoDbMailings.n;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.processing.Acknowledgements;
import org.abusedesk.suppression.AddressHash;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Acknowledgement records: {@code acknowledgedAt} on the complaint item (once per case) and a per-address, per-day
 * counter in the limits table (TTL), written together or not at all.
 */
public final class DynamoDbAcknowledgements implements Acknowledgements {

    private final DynamoDbClient dynamoDb;
    private final String complaintsTable;
    private final String limitsTable;
    private final int perAddressPerDay;

    public DynamoDbAcknowledgements(
            DynamoDbClient dynamoDb, String complaintsTable, String limitsTable, int perAddressPerDay) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.complaintsTable = Objects.requireNonNull(complaintsTable, "complaintsTable == null");
        this.limitsTable = Objects.requireNonNull(limitsTable, "limitsTable == null");
        this.perAddressPerDay = perAddressPerDay;
    }

    @Override
    public boolean record(Complaint complaint, Instant now) {
        String limitKey =
                "ack#" + AddressHash.of(complaint.complainant().email()).value() + "#"
                        + LocalDate.ofInstant(now, ZoneOffset.UTC);
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
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(limitsTable)
                                    .key(Map.of("limitKey", s(limitKey)))
                                    .updateExpression("ADD used :one SET expiresAt = :expires")
                                    .conditionExpression("attribute_not_exists(used) OR used < :limit")
                                    .expressionAttributeValues(Map.of(
                                            ":one", n(1),
                                            ":limit", n(perAddressPerDay),
                                            ":expires",
                                                    n(now.plus(Duration.ofDays(2))
                                                            .getEpochSecond())))
                                    .build())
                            .build()));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }
}
