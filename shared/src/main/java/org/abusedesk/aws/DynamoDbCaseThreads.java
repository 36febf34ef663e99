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
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.people.Actor;
import org.abusedesk.thread.CaseThreads;
import org.abusedesk.thread.ThreadEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Case threads in their own table: the entries of a case under {@code pk = case#<mailing>#<complaint>}, sorted by
 * {@code sk = <id>} (a ULID); beside them, the case of each entry under {@code pk = entry#<id>}, through which a reply
 * finds its case, and each reply's receipt under {@code pk = receipt#<id>}. Every item expires with its case.
 */
public final class DynamoDbCaseThreads implements CaseThreads {

    private static final String ONE = "-";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCaseThreads(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public boolean add(ThreadEntry entry, Instant expiresAt) {
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(put(item(entry, expiresAt)));
        writes.add(put(pointer("entry#" + entry.id(), entry.caseKey(), expiresAt)));
        entry.receiptId()
                .ifPresent(receipt -> writes.add(put(pointer("receipt#" + receipt, entry.caseKey(), expiresAt))));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<ThreadEntry> of(ComplaintKey key, Instant now) {
        var entries = new ArrayList<ThreadEntry>();
        var items = dynamoDb.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(pk(key))))
                        .consistentRead(true)
                        .limit(MAX_ENTRIES))
                .items()
                .iterator();
        while (items.hasNext() && entries.size() < MAX_ENTRIES) {
            var item = items.next();
            // TTL deletes late (up to days): an expired entry must not be read as if it were still there.
            if (Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())).isAfter(now)) {
                entries.add(entry(item));
            }
        }
        return entries;
    }

    @Override
    public boolean receipt(String receiptId, ComplaintKey key, Instant expiresAt) {
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(pointer("receipt#" + receiptId, key, expiresAt))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<ComplaintKey> caseOf(String entryId, Instant now) {
        return pointed("entry#" + entryId)
                .filter(item -> Instant.ofEpochSecond(
                                Long.parseLong(item.get("expiresAt").n()))
                        .isAfter(now))
                .map(DynamoDbCaseThreads::caseKey);
    }

    @Override
    public boolean hasReceipt(String receiptId) {
        return pointed("receipt#" + receiptId).isPresent();
    }

    @Override
    public void erase(ComplaintKey key) {
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(pk(key))))
                        .projectionExpression("pk, sk"))
                .items()
                .forEach(item -> {
                    try {
                        dynamoDb.updateItem(u -> u.tableName(table)
                                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                                .conditionExpression("attribute_exists(pk)")
                                .updateExpression("SET counterpart = :empty, subject = :empty, #text = :empty,"
                                        + " erased = :true")
                                .expressionAttributeNames(Map.of("#text", "text"))
                                .expressionAttributeValues(
                                        Map.of(":empty", s(""), ":true", AttributeValue.fromBool(true))));
                    } catch (ConditionalCheckFailedException e) {
                        // deleted by TTL in between: nothing left to erase
                    }
                });
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    private Optional<Map<String, AttributeValue>> pointed(String pk) {
        var item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(Map.of("pk", s(pk), "sk", s(ONE)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> pointer(String pk, ComplaintKey key, Instant expiresAt) {
        return Map.of(
                "pk", s(pk),
                "sk", s(ONE),
                "mailingId", s(key.mailingId().value()),
                "complaintId", s(key.complaintId().value()),
                "expiresAt", n(expiresAt.getEpochSecond()));
    }

    private static String pk(ComplaintKey key) {
        return "case#" + key.mailingId().value() + "#" + key.complaintId().value();
    }

    private static Map<String, AttributeValue> item(ThreadEntry entry, Instant expiresAt) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", s(pk(entry.caseKey())));
        // A ULID sorts by its time: the entries come back in the order they were made.
        item.put("sk", s(entry.id()));
        item.put("id", s(entry.id()));
        item.put("mailingId", s(entry.caseKey().mailingId().value()));
        item.put("complaintId", s(entry.caseKey().complaintId().value()));
        item.put("kind", s(entry.kind().name()));
        item.put("at", s(entry.at().toString()));
        entry.actor().ifPresent(actor -> {
            item.put("actorSubject", s(actor.subject()));
            item.put("actorName", s(actor.name()));
        });
        item.put("counterpart", s(entry.counterpart()));
        item.put("subject", s(entry.subject()));
        item.put("text", s(entry.text()));
        entry.dueAt().ifPresent(due -> item.put("dueAt", s(due.toString())));
        entry.receiptId().ifPresent(receipt -> item.put("receiptId", s(receipt)));
        if (entry.automatic()) {
            item.put("automatic", AttributeValue.fromBool(true));
        }
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    private static ThreadEntry entry(Map<String, AttributeValue> item) {
        Optional<Actor> actor = Optional.ofNullable(item.get("actorSubject"))
                .map(subject -> new Actor(subject.s(), item.get("actorName").s()));
        return new ThreadEntry(
                item.get("id").s(),
                caseKey(item),
                ThreadEntry.Kind.valueOf(item.get("kind").s()),
                Instant.parse(item.get("at").s()),
                actor,
                item.get("counterpart").s(),
                item.get("subject").s(),
                item.get("text").s(),
                Optional.ofNullable(item.get("dueAt")).map(at -> Instant.parse(at.s())),
                Optional.ofNullable(item.get("receiptId")).map(AttributeValue::s),
                item.containsKey("automatic")
                        && Boolean.TRUE.equals(item.get("automatic").bool()));
    }

    private static ComplaintKey caseKey(Map<String, AttributeValue> item) {
        return ComplaintKey.of(
                item.get("mailingId").s(), item.get("complaintId").s());
    }
}
