package org.abusedesk.aws;

import java.util.Map;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.reconcile.Requeues;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Counts re-queues on the complaint item itself ({@code requeues}), one conditional update each. */
public final class DynamoDbRequeues implements Requeues {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRequeues(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public boolean take(ComplaintKey key, int limit) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(DynamoDbComplaints.key(key))
                    // Only an existing complaint: an expired or erased one must not come back as a stub item.
                    .conditionExpression(
                            "attribute_exists(complaintId) AND (attribute_not_exists(requeues) OR requeues < :limit)")
                    .updateExpression("ADD requeues :one")
                    .expressionAttributeValues(Map.of(
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
