package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.s;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.cases.AnswerDeadline;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.statistics.CaseWorkload;
import org.abusedesk.statistics.CsaCaseDue;
import org.abusedesk.statistics.OpenCases;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The open work from the complaints table's index {@code byState}, and the CSA's forwards from the statistics
 * partition the counting transaction keeps ({@link DynamoDbStatisticsItems}). Open are the states
 * {@link ComplaintState#open()} names: the index is counted per state, page by page, and the oldest is the first key
 * of each (complaint ids are ULIDs, which sort by time).
 */
public final class DynamoDbCaseWorkload implements CaseWorkload {

    /** CSA forwards read per page; a page's open cases are read from the table in one batch. */
    private static final int PAGE = 100;

    private final DynamoDbClient dynamoDb;
    private final String complaintsTable;
    private final String accountsTable;
    private final Duration retention;
    private final Clock clock;

    /**
     * @param retention how long complaints are kept: a CSA forward older than that has no case any more, and is not
     *     read
     */
    public DynamoDbCaseWorkload(
            DynamoDbClient dynamoDb, String complaintsTable, String accountsTable, Duration retention, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.complaintsTable = Objects.requireNonNull(complaintsTable, "complaintsTable == null");
        this.accountsTable = Objects.requireNonNull(accountsTable, "accountsTable == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public OpenCases openCases() {
        long count = 0;
        Optional<Map<String, AttributeValue>> oldest = Optional.empty();
        for (var state : openStates()) {
            count += dynamoDb.queryPaginator(r -> inState(state, r).select(Select.COUNT)).stream()
                    .mapToLong(QueryResponse::count)
                    .sum();
            var first = dynamoDb.query(r -> inState(state, r).limit(1)).items().stream()
                    .findFirst();
            if (first.isPresent()
                    && (oldest.isEmpty()
                            || first.get()
                                            .get("complaintId")
                                            .s()
                                            .compareTo(oldest.get()
                                                    .get("complaintId")
                                                    .s())
                                    < 0)) {
                oldest = first;
            }
        }
        return new OpenCases(count, oldest.flatMap(this::receivedAt));
    }

    @Override
    public List<CsaCaseDue> csaCasesDue(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0");
        }
        var now = clock.instant();
        String low = DynamoDbStatisticsItems.CSA
                + new TimeRange(Optional.of(now.minus(retention)), Optional.empty())
                        .lowestId()
                        .orElseThrow();
        var due = new ArrayList<CsaCaseDue>();
        Map<String, AttributeValue> start = null;
        do {
            var exclusiveStart = start;
            var page = dynamoDb.query(r -> r.tableName(accountsTable)
                    .keyConditionExpression("accountId = :partition AND sk BETWEEN :low AND :high")
                    .projectionExpression("mailingId, complaintId")
                    .expressionAttributeValues(Map.of(
                            ":partition", s(DynamoDbStatisticsItems.PARTITION),
                            ":low", s(low),
                            // '$' sorts after '#': every forward to the newest.
                            ":high", s("CSA$")))
                    .limit(PAGE)
                    .exclusiveStartKey(exclusiveStart));
            due.addAll(openOf(page.items(), now));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && due.size() < limit);
        // Forwards are in the order received; the deadline follows the day received, so the order is the deadline's.
        return due.stream().limit(limit).toList();
    }

    /** The forwards whose cases are still open and kept, in the forwards' order. */
    private List<CsaCaseDue> openOf(List<Map<String, AttributeValue>> forwards, Instant now) {
        var keys = forwards.stream()
                .map(f -> Map.of("mailingId", f.get("mailingId"), "complaintId", f.get("complaintId")))
                .toList();
        var found = new HashMap<ComplaintKey, Map<String, AttributeValue>>();
        BatchReads.read(
                        dynamoDb,
                        complaintsTable,
                        keys,
                        batch -> batch.projectionExpression("mailingId, complaintId, #state, receivedAt, expiresAt")
                                .expressionAttributeNames(Map.of("#state", "state")),
                        Backoff.DEFAULT)
                .forEach(item -> found.put(key(item), item));
        var due = new ArrayList<CsaCaseDue>();
        for (var forward : keys) {
            var item = found.get(key(forward));
            if (item == null
                    || !ComplaintState.valueOf(item.get("state").s()).open()
                    || Long.parseLong(item.get("expiresAt").n()) <= now.getEpochSecond()) {
                continue;
            }
            var receivedAt = Instant.parse(item.get("receivedAt").s());
            due.add(new CsaCaseDue(key(item), receivedAt, AnswerDeadline.csa(receivedAt)));
        }
        return due;
    }

    private QueryRequest.Builder inState(ComplaintState state, QueryRequest.Builder request) {
        return request.tableName(complaintsTable)
                .indexName(DynamoDbCaseListings.BY_STATE)
                .keyConditionExpression("#state = :state")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":state", s(state.name())));
    }

    private Optional<Instant> receivedAt(Map<String, AttributeValue> key) {
        var item = dynamoDb.getItem(r -> r.tableName(complaintsTable)
                        .key(Map.of("mailingId", key.get("mailingId"), "complaintId", key.get("complaintId")))
                        .projectionExpression("receivedAt"))
                .item();
        return item == null || !item.containsKey("receivedAt")
                ? Optional.empty()
                : Optional.of(Instant.parse(item.get("receivedAt").s()));
    }

    private static List<ComplaintState> openStates() {
        return Arrays.stream(ComplaintState.values())
                .filter(ComplaintState::open)
                .toList();
    }

    private static ComplaintKey key(Map<String, AttributeValue> item) {
        return ComplaintKey.of(
                item.get("mailingId").s(), item.get("complaintId").s());
    }
}
