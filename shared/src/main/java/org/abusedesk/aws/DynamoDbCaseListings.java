package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseListings;
import org.abusedesk.cases.CaseSummary;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Case listings from the complaints table: by mailing from the table itself, by account from the index
 * {@code byAccount}, by state from {@code byState}. The indexes give keys; the summaries are read from the table, only
 * the attributes a summary shows (no address, name or message is ever read). Each cursor is bound to its listing,
 * its mailing, account or state and its time range.
 */
public final class DynamoDbCaseListings implements CaseListings {

    static final String BY_ACCOUNT = "byAccount";
    static final String BY_STATE = "byState";

    /** What a summary shows, and nothing of the complainant. */
    private static final String SUMMARY_ATTRIBUTES = "mailingId, complaintId, #state, classification, channel,"
            + " receivedAt, accountId, claimedAccountId, verified, provenance.mailingIdSource, expiresAt, erasedAt, dueAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCaseListings(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public Page<CaseSummary> ofMailing(MailingId mailingId, TimeRange range, PageRequest page, Instant now) {
        String listing = "cases-by-mailing:" + mailingId + ":" + range.label();
        var start = startKey(listing, page, range, Map.of("mailingId", mailingId.value()), Set.of());
        var values = new HashMap<String, AttributeValue>();
        values.put(":key", s(mailingId.value()));
        values.put(":now", n(now.getEpochSecond()));
        var response = dynamoDb.query(rangeCondition(QueryRequest.builder(), "mailingId = :key", range, values)
                .tableName(table)
                .projectionExpression(SUMMARY_ATTRIBUTES)
                .filterExpression("expiresAt > :now")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(values)
                .limit(page.limit())
                .exclusiveStartKey(start.orElse(null))
                .build());
        var items = response.items().stream().map(DynamoDbCaseListings::summary).toList();
        return new Page<>(items, DynamoDbCursors.encode(listing, response.lastEvaluatedKey()));
    }

    @Override
    public Page<CaseSummary> ofAccount(AccountId accountId, TimeRange range, PageRequest page, Instant now) {
        String listing = "cases-by-account:" + accountId + ":" + range.label();
        var start = startKey(listing, page, range, Map.of("accountId", accountId.value()), Set.of("mailingId"));
        var response = queryIndex(BY_ACCOUNT, "accountId", accountId.value(), range, page.limit(), start);
        var items = summaries(response.items(), now).stream()
                .filter(summary -> summary.account().equals(Optional.of(accountId)))
                .toList();
        return new Page<>(items, DynamoDbCursors.encode(listing, response.lastEvaluatedKey()));
    }

    @Override
    public Page<CaseSummary> inState(ComplaintState state, TimeRange range, PageRequest page, Instant now) {
        String listing = "cases-by-state:" + state + ":" + range.label();
        var start = startKey(listing, page, range, Map.of("state", state.name()), Set.of("mailingId"));
        var response = queryIndex(BY_STATE, "state", state.name(), range, page.limit(), start);
        return new Page<>(inState(state, response, now), DynamoDbCursors.encode(listing, response.lastEvaluatedKey()));
    }

    /**
     * One state after the other, in {@link CaseListings#openFirstOrder}. A cursor names the state to go on in and,
     * within it, the last key read; a cursor that names a state only starts at that state's first complaint.
     */
    @Override
    public Page<CaseSummary> openFirst(TimeRange range, PageRequest page, Instant now) {
        String listing = "cases-open-first:" + range.label();
        var states = CaseListings.openFirstOrder();
        int stateIndex = 0;
        Optional<Map<String, AttributeValue>> start = Optional.empty();
        var cursor = DynamoDbCursors.decode(listing, page.cursor());
        if (cursor.isPresent()) {
            var key = cursor.get();
            stateIndex = states.indexOf(state(key));
            if (key.size() > 1) {
                start = Optional.of(checkedKey(
                        key, range, Map.of("state", states.get(stateIndex).name()), Set.of("mailingId")));
            }
        }
        var items = new ArrayList<CaseSummary>();
        for (; stateIndex < states.size(); stateIndex++) {
            var state = states.get(stateIndex);
            var response = queryIndex(BY_STATE, "state", state.name(), range, page.limit() - items.size(), start);
            items.addAll(inState(state, response, now));
            var next = DynamoDbCursors.encode(listing, response.lastEvaluatedKey());
            if (next.isPresent()) {
                return new Page<>(items, next);
            }
            start = Optional.empty();
            if (items.size() >= page.limit()) {
                return new Page<>(
                        items,
                        stateIndex + 1 < states.size()
                                ? DynamoDbCursors.encode(
                                        listing,
                                        Map.of(
                                                "state",
                                                s(states.get(stateIndex + 1).name())))
                                : Optional.empty());
            }
        }
        return new Page<>(items, Optional.empty());
    }

    /** The summaries of a state's page; one that moved on to another state since the index was read is left out. */
    private List<CaseSummary> inState(ComplaintState state, QueryResponse response, Instant now) {
        return summaries(response.items(), now).stream()
                .filter(summary -> summary.state() == state)
                .toList();
    }

    private QueryResponse queryIndex(
            String index,
            String attribute,
            String value,
            TimeRange range,
            int limit,
            Optional<Map<String, AttributeValue>> start) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":key", s(value));
        return dynamoDb.query(rangeCondition(QueryRequest.builder(), "#key = :key", range, values)
                .tableName(table)
                .indexName(index)
                .expressionAttributeNames(Map.of("#key", attribute))
                .expressionAttributeValues(values)
                .limit(limit)
                .exclusiveStartKey(start.orElse(null))
                .build());
    }

    /** Complaint ids are ULIDs, which begin with their time: a time range is a range of the sort key. */
    private static QueryRequest.Builder rangeCondition(
            QueryRequest.Builder request, String partition, TimeRange range, Map<String, AttributeValue> values) {
        var low = range.lowestId();
        var high = range.highestId();
        low.ifPresent(id -> values.put(":low", s(id)));
        high.ifPresent(id -> values.put(":high", s(id)));
        String condition = partition;
        if (low.isPresent() && high.isPresent()) {
            condition += " AND complaintId BETWEEN :low AND :high";
        } else if (low.isPresent()) {
            condition += " AND complaintId >= :low";
        } else if (high.isPresent()) {
            condition += " AND complaintId <= :high";
        }
        return request.keyConditionExpression(condition);
    }

    /** The summaries of the keys an index gave, read from the table in the index's order; expired ones left out. */
    private List<CaseSummary> summaries(List<Map<String, AttributeValue>> keys, Instant now) {
        var found = new HashMap<ComplaintKey, Map<String, AttributeValue>>();
        BatchReads.read(
                        dynamoDb,
                        table,
                        keys.stream()
                                .map(key -> Map.of(
                                        "mailingId", key.get("mailingId"), "complaintId", key.get("complaintId")))
                                .toList(),
                        batch -> batch.projectionExpression(SUMMARY_ATTRIBUTES)
                                .expressionAttributeNames(Map.of("#state", "state")),
                        Backoff.DEFAULT)
                .forEach(item -> found.put(key(item), item));
        return keys.stream()
                .map(key -> found.get(key(key)))
                .filter(Objects::nonNull)
                .filter(item -> Long.parseLong(item.get("expiresAt").n()) > now.getEpochSecond())
                .map(DynamoDbCaseListings::summary)
                .toList();
    }

    /**
     * The key to start after, from the page's cursor: of this listing, with the listing's fixed attributes, the
     * other key attributes named, and a complaint id within the range; anything else is no cursor of ours.
     */
    private static Optional<Map<String, AttributeValue>> startKey(
            String listing, PageRequest page, TimeRange range, Map<String, String> fixed, Set<String> others) {
        return DynamoDbCursors.decode(listing, page.cursor()).map(key -> checkedKey(key, range, fixed, others));
    }

    private static Map<String, AttributeValue> checkedKey(
            Map<String, AttributeValue> key, TimeRange range, Map<String, String> fixed, Set<String> others) {
        if (key.size() != fixed.size() + others.size() + 1) {
            throw new InvalidCursorException("not a key of this listing");
        }
        fixed.forEach((name, value) -> {
            if (!key.containsKey(name) || !value.equals(key.get(name).s())) {
                throw new InvalidCursorException("not a key of this listing");
            }
        });
        others.forEach(name -> {
            if (!key.containsKey(name) || key.get(name).s() == null) {
                throw new InvalidCursorException("not a key of this listing");
            }
        });
        var complaintId = key.get("complaintId");
        if (complaintId == null || complaintId.s() == null) {
            throw new InvalidCursorException("not a key of this listing");
        }
        try {
            if (!range.contains(new ComplaintId(complaintId.s()))) {
                throw new InvalidCursorException("outside the listing's time range");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not a complaint id");
        }
        return key;
    }

    private static ComplaintState state(Map<String, AttributeValue> key) {
        var state = key.get("state");
        if (state == null || state.s() == null) {
            throw new InvalidCursorException("no state");
        }
        try {
            return ComplaintState.valueOf(state.s());
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("no state");
        }
    }

    private static ComplaintKey key(Map<String, AttributeValue> item) {
        return ComplaintKey.of(
                item.get("mailingId").s(), item.get("complaintId").s());
    }

    static CaseSummary summary(Map<String, AttributeValue> item) {
        return new CaseSummary(
                key(item),
                ComplaintState.valueOf(item.get("state").s()),
                Classification.valueOf(item.get("classification").s()),
                Channel.valueOf(item.get("channel").s()),
                Instant.parse(item.get("receivedAt").s()),
                Optional.ofNullable(item.get("accountId")).map(a -> new AccountId(a.s())),
                Optional.ofNullable(item.get("claimedAccountId")).map(AttributeValue::s),
                item.get("verified").bool(),
                Optional.ofNullable(item.get("provenance"))
                        .map(p -> p.m().get("mailingIdSource"))
                        .map(AttributeValue::s),
                Optional.ofNullable(item.get("erasedAt")).map(at -> Instant.parse(at.s())),
                Optional.ofNullable(item.get("dueAt")).map(at -> Instant.parse(at.s())));
    }
}
