package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.reconcile.MailReads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Counts the reconciler's tries at a stored mail in the limits table ({@code mail-read#<receipt id>}), kept for the
 * quarantine from the first try: when it has gone, the mail is tried again.
 */
public final class DynamoDbMailReads implements MailReads {

    private final DynamoDbClient dynamoDb;
    private final String limitsTable;
    private final Duration quarantine;

    public DynamoDbMailReads(DynamoDbClient dynamoDb, String limitsTable, Duration quarantine) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.limitsTable = Objects.requireNonNull(limitsTable, "limitsTable == null");
        this.quarantine = Objects.requireNonNull(quarantine, "quarantine == null");
    }

    @Override
    public boolean take(String receiptId, int limit, Instant now) {
        try {
            dynamoDb.updateItem(r -> r.tableName(limitsTable)
                    .key(Map.of("limitKey", s("mail-read#" + receiptId)))
                    // DynamoDB deletes expired items late: one past its time counts as gone.
                    // READS is one of DynamoDB's reserved words.
                    .conditionExpression("attribute_not_exists(#reads) OR #reads < :limit OR expiresAt < :now")
                    .updateExpression("ADD #reads :one SET expiresAt = if_not_exists(expiresAt, :expires)")
                    .expressionAttributeNames(Map.of("#reads", "reads"))
                    .expressionAttributeValues(Map.of(
                            ":limit", n(limit),
                            ":now", n(now.getEpochSecond()),
                            ":one", n(1),
                            ":expires", n(now.plus(quarantine).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
