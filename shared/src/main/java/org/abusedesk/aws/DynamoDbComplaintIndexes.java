package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.s;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.reconcile.ComplaintsByReceipt;
import org.abusedesk.reconcile.ComplaintsByState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The complaints table's secondary indexes: {@code byReceipt} (sparse, mailed complaints by receipt id, keys only)
 * and {@code byState} (state, then complaint id, with the classification). Both are read eventually consistent.
 */
public final class DynamoDbComplaintIndexes implements ComplaintsByReceipt, ComplaintsByState {

    static final String BY_RECEIPT = "byReceipt";
    static final String BY_STATE = "byState";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Integer pageSize;

    public DynamoDbComplaintIndexes(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, null);
    }

    /** With pages of at most {@code pageSize} items; null for DynamoDB's own (1 MB). */
    DynamoDbComplaintIndexes(DynamoDbClient dynamoDb, String table, Integer pageSize) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
        this.pageSize = pageSize;
    }

    @Override
    public boolean anyFor(String receiptId) {
        return !dynamoDb.query(r -> r.tableName(table)
                        .indexName(BY_RECEIPT)
                        .keyConditionExpression("receiptId = :r")
                        .expressionAttributeValues(Map.of(":r", s(receiptId)))
                        .limit(1))
                .items()
                .isEmpty();
    }

    @Override
    public List<Entry> inStateBefore(ComplaintState state, Instant before) {
        // Complaint ids are ULIDs, which sort by time: every id below the smallest ULID of the instant is older.
        String bound = Ulid.min(before.toEpochMilli()).toString();
        return dynamoDb
                .queryPaginator(r -> r.tableName(table)
                        .indexName(BY_STATE)
                        .limit(pageSize)
                        .keyConditionExpression("#state = :s AND complaintId < :before")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":s", s(state.name()), ":before", s(bound))))
                .items()
                .stream()
                .map(item -> new Entry(
                        ComplaintKey.of(
                                item.get("mailingId").s(),
                                item.get("complaintId").s()),
                        Classification.valueOf(item.get("classification").s())))
                .toList();
    }
}
