package org.abusedesk.aws;

import static org.abusedesk.aws.DynamoDbComplaints.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.mailing.Mailing;
import org.abusedesk.mailing.Mailings;
import org.abusedesk.processing.NotificationThrottle;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The mailings table: one item per Mailing ID with its registration (when the sending platform registered it),
 * its complaint counters and its notification window. Times are epoch milliseconds, so that they compare as
 * numbers.
 */
public final class DynamoDbMailings implements Mailings, NotificationThrottle {

    /** Index of registered mailings by account and send time (keys only; items are read consistently after). */
    static final String BY_ACCOUNT = "byAccount";
    /** Sparse index of mailings whose complaints wait for their next mail. */
    static final String PENDING = "pendingNotifications";

    private static final String PENDING_MARK = "PENDING";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbMailings(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public void register(Mailing mailing) {
        var names = new HashMap<String, String>();
        var values = new HashMap<String, AttributeValue>();
        var set = new ArrayList<String>();
        var remove = new ArrayList<String>();
        set.add("registered = :true");
        values.put(":true", AttributeValue.fromBool(true));
        set.add("accountId = :account");
        values.put(":account", s(mailing.accountId().value()));
        set.add("sentAt = :sentAt");
        values.put(":sentAt", n(mailing.sentAt().toEpochMilli()));
        optional(
                set,
                remove,
                names,
                values,
                "recipients",
                mailing.recipients().isPresent()
                        ? Optional.of(n(mailing.recipients().getAsLong()))
                        : Optional.empty());
        optional(set, remove, names, values, "subject", mailing.subject().map(DynamoDbComplaints::s));
        optional(
                set,
                remove,
                names,
                values,
                "optInEvidence",
                mailing.optInEvidence().map(DynamoDbComplaints::s));
        names.put("#sender", "sender");
        if (mailing.sender().isPresent()) {
            set.add("#sender = :sender");
            values.put(":sender", s(mailing.sender().get()));
        } else {
            remove.add("#sender");
        }
        String update =
                "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(mailing.id()))
                .updateExpression(update)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public Optional<Mailing> find(MailingId id) {
        var item = dynamoDb.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true))
                .item();
        return item == null || !item.containsKey("registered") ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Mailing> sentBy(AccountId accountId, Instant since) {
        var keys = new ArrayList<Map<String, AttributeValue>>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .indexName(BY_ACCOUNT)
                        .keyConditionExpression("accountId = :account AND sentAt >= :since")
                        .expressionAttributeValues(
                                Map.of(":account", s(accountId.value()), ":since", n(since.toEpochMilli()))))
                .items()
                .forEach(item -> keys.add(Map.of("mailingId", item.get("mailingId"))));
        // The index lags behind the table; counters are read from the table itself, consistently.
        var mailings = new ArrayList<Mailing>();
        for (int from = 0; from < keys.size(); from += 100) {
            var batch = keys.subList(from, Math.min(keys.size(), from + 100));
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder().keys(batch).consistentRead(true).build());
            while (!request.isEmpty()) {
                var response = dynamoDb.batchGetItem(
                        BatchGetItemRequest.builder().requestItems(request).build());
                response.responses().getOrDefault(table, List.of()).forEach(item -> mailings.add(fromItem(item)));
                request = response.unprocessedKeys();
            }
        }
        return mailings;
    }

    @Override
    public boolean claim(MailingId mailingId, Instant now, Duration window) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(mailingId))
                    .updateExpression("SET lastNotifiedAt = :now")
                    .conditionExpression("attribute_not_exists(lastNotifiedAt) OR lastNotifiedAt <= :cutoff")
                    .expressionAttributeValues(Map.of(
                            ":now",
                            n(now.toEpochMilli()),
                            ":cutoff",
                            n(now.minus(window).toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void claimNow(MailingId mailingId, Instant now) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(mailingId))
                .updateExpression("SET lastNotifiedAt = :now")
                .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()))));
    }

    @Override
    public void markPending(MailingId mailingId, Instant since) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(mailingId))
                .updateExpression("SET notifyPending = :pending, pendingSince = if_not_exists(pendingSince, :since)")
                .expressionAttributeValues(Map.of(":pending", s(PENDING_MARK), ":since", n(since.toEpochMilli()))));
    }

    @Override
    public void clearPending(MailingId mailingId) {
        dynamoDb.updateItem(
                r -> r.tableName(table).key(key(mailingId)).updateExpression("REMOVE notifyPending, pendingSince"));
    }

    @Override
    public List<MailingId> due(Instant now, Duration window) {
        long cutoff = now.minus(window).toEpochMilli();
        var due = new ArrayList<MailingId>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .indexName(PENDING)
                        .keyConditionExpression("notifyPending = :pending")
                        .expressionAttributeValues(Map.of(":pending", s(PENDING_MARK))))
                .items()
                .forEach(item -> {
                    var last = item.get("lastNotifiedAt");
                    if (last == null || Long.parseLong(last.n()) <= cutoff) {
                        due.add(new MailingId(item.get("mailingId").s()));
                    }
                });
        return due;
    }

    static Map<String, AttributeValue> key(MailingId id) {
        return Map.of("mailingId", s(id.value()));
    }

    private static Mailing fromItem(Map<String, AttributeValue> item) {
        return new Mailing(
                new MailingId(item.get("mailingId").s()),
                new AccountId(item.get("accountId").s()),
                item.containsKey("recipients")
                        ? OptionalLong.of(Long.parseLong(item.get("recipients").n()))
                        : OptionalLong.empty(),
                Instant.ofEpochMilli(Long.parseLong(item.get("sentAt").n())),
                Optional.ofNullable(item.get("subject")).map(AttributeValue::s),
                Optional.ofNullable(item.get("sender")).map(AttributeValue::s),
                Optional.ofNullable(item.get("optInEvidence")).map(AttributeValue::s),
                number(item, "complaints"),
                number(item, "verifiedComplaints"));
    }

    private static void optional(
            List<String> set,
            List<String> remove,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            String name,
            Optional<AttributeValue> value) {
        // Aliased: several plain words are reserved in DynamoDB expressions.
        names.put("#" + name, name);
        if (value.isPresent()) {
            set.add("#" + name + " = :" + name);
            values.put(":" + name, value.get());
        } else {
            remove.add("#" + name);
        }
    }

    static long number(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
