package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.number;
import static org.abusedesk.aws.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.processing.NotificationThrottle;
import org.abusedesk.registration.BulkRegistration;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.Mailings;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

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

    /** BatchGetItem's limit on keys. */
    private static final int READ_BATCH = 100;
    /** BatchWriteItem's limit on requests. */
    private static final int WRITE_BATCH = 25;

    private static final String REGISTRY_ATTRIBUTES =
            "mailingId, registered, accountId, sentAt, #recipients, #subject, #sender, #optInEvidence";
    private static final Map<String, String> REGISTRY_NAMES = Map.of(
            "#recipients", "recipients",
            "#subject", "subject",
            "#sender", "sender",
            "#optInEvidence", "optInEvidence");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Backoff backoff;

    public DynamoDbMailings(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, Backoff.DEFAULT);
    }

    DynamoDbMailings(DynamoDbClient dynamoDb, String table, Backoff backoff) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
        this.backoff = Objects.requireNonNull(backoff, "backoff == null");
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
        optional(set, remove, names, values, "subject", mailing.subject().map(Attributes::s));
        optional(set, remove, names, values, "sender", mailing.sender().map(Attributes::s));
        optional(
                set,
                remove,
                names,
                values,
                "optInEvidence",
                mailing.optInEvidence().map(Attributes::s));
        String update =
                "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(mailing.id()))
                .updateExpression(update)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    /**
     * Mailings DynamoDB has no item of yet are put in batches of 25 (BatchWriteItem), with what it leaves unprocessed
     * put again after a backoff. An item that exists (registered, or made by a complaint counted on an unregistered
     * mailing) is never put, for a put replaces the whole item, counters and notification state included: it is
     * left alone when its registration has these very values, and otherwise updated on its own, registry attributes
     * only. Whether an item exists is read (BatchGetItem, consistently) just before each attempt to put it, so
     * that only a first complaint counted on a mailing within that one round trip could be put over (BatchWriteItem
     * has no conditions): see docs/registry.md for why this and not an update or a transaction per row.
     */
    @Override
    public BulkRegistration registerAll(List<Mailing> mailings) {
        var written = new HashSet<MailingId>();
        var unchanged = new HashSet<MailingId>();
        var failed = new HashMap<MailingId, String>();
        for (int from = 0; from < mailings.size(); from += READ_BATCH) {
            var batch = mailings.subList(from, Math.min(mailings.size(), from + READ_BATCH));
            Map<MailingId, Map<String, AttributeValue>> stored;
            try {
                stored = stored(batch);
            } catch (SdkException e) {
                batch.forEach(mailing -> failed.put(mailing.id(), refusal(e)));
                continue;
            }
            var absent = new ArrayList<Mailing>();
            for (Mailing mailing : batch) {
                var item = stored.get(mailing.id());
                if (item == null) {
                    absent.add(mailing);
                } else if (item.containsKey("registered")
                        && fromItem(item).registration().equals(mailing.registration())) {
                    unchanged.add(mailing.id());
                } else {
                    update(mailing, written, failed);
                }
            }
            for (int put = 0; put < absent.size(); put += WRITE_BATCH) {
                putAbsent(absent.subList(put, Math.min(absent.size(), put + WRITE_BATCH)), written, failed);
            }
        }
        return new BulkRegistration(written, unchanged, failed);
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
        return BatchReads.read(dynamoDb, table, keys, batch -> batch.consistentRead(true), backoff).stream()
                .map(DynamoDbMailings::fromItem)
                .toList();
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

    private void putAbsent(List<Mailing> batch, Set<MailingId> written, Map<MailingId, String> failed) {
        var remaining = new ArrayList<>(batch);
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            try {
                if (attempt > 1) {
                    backoff.before(attempt);
                    // A complaint counted meanwhile made an item, which the put would replace: update that one.
                    var stored = stored(remaining);
                    for (Mailing mailing : List.copyOf(remaining)) {
                        if (stored.containsKey(mailing.id())) {
                            remaining.remove(mailing);
                            update(mailing, written, failed);
                        }
                    }
                    if (remaining.isEmpty()) {
                        return;
                    }
                }
                var requests = remaining.stream()
                        .map(mailing -> WriteRequest.builder()
                                .putRequest(put -> put.item(registrationItem(mailing)))
                                .build())
                        .toList();
                var unprocessed = dynamoDb
                        .batchWriteItem(r -> r.requestItems(Map.of(table, requests)))
                        .unprocessedItems()
                        .getOrDefault(table, List.of())
                        .stream()
                        .map(request ->
                                request.putRequest().item().get("mailingId").s())
                        .collect(Collectors.toSet());
                var left = new ArrayList<Mailing>();
                for (Mailing mailing : remaining) {
                    if (unprocessed.contains(mailing.id().value())) {
                        left.add(mailing);
                    } else {
                        written.add(mailing.id());
                    }
                }
                remaining = left;
            } catch (SdkException e) {
                remaining.forEach(mailing -> failed.put(mailing.id(), refusal(e)));
                return;
            }
            if (!remaining.isEmpty() && attempt >= backoff.attempts()) {
                remaining.forEach(mailing ->
                        failed.put(mailing.id(), "DynamoDB left it unprocessed " + backoff.attempts() + " times"));
                return;
            }
        }
    }

    private void update(Mailing mailing, Set<MailingId> written, Map<MailingId, String> failed) {
        try {
            register(mailing);
            written.add(mailing.id());
        } catch (SdkException e) {
            failed.put(mailing.id(), refusal(e));
        }
    }

    /** The registry attributes of the mailings that have an item, read consistently. */
    private Map<MailingId, Map<String, AttributeValue>> stored(List<Mailing> mailings) {
        var stored = new HashMap<MailingId, Map<String, AttributeValue>>();
        BatchReads.read(
                        dynamoDb,
                        table,
                        mailings.stream().map(mailing -> key(mailing.id())).toList(),
                        batch -> batch.consistentRead(true)
                                .projectionExpression(REGISTRY_ATTRIBUTES)
                                .expressionAttributeNames(REGISTRY_NAMES),
                        backoff)
                .forEach(item -> stored.put(new MailingId(item.get("mailingId").s()), item));
        return stored;
    }

    /** A new item holding the registration, as {@link #register} would make it. */
    private static Map<String, AttributeValue> registrationItem(Mailing mailing) {
        var item = new HashMap<String, AttributeValue>(key(mailing.id()));
        item.put("registered", AttributeValue.fromBool(true));
        item.put("accountId", s(mailing.accountId().value()));
        item.put("sentAt", n(mailing.sentAt().toEpochMilli()));
        mailing.recipients().ifPresent(recipients -> item.put("recipients", n(recipients)));
        mailing.subject().ifPresent(subject -> item.put("subject", s(subject)));
        mailing.sender().ifPresent(sender -> item.put("sender", s(sender)));
        mailing.optInEvidence().ifPresent(evidence -> item.put("optInEvidence", s(evidence)));
        return item;
    }

    /** Why DynamoDB refused: its error code, never the request's content. */
    private static String refusal(SdkException e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? "DynamoDB refused it: " + service.awsErrorDetails().errorCode()
                : "DynamoDB failed: " + e.getMessage();
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
}
