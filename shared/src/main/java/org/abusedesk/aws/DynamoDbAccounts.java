package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.number;
import static org.abusedesk.aws.Attributes.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.Account;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.Accounts;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.StatusChange;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;
import org.abusedesk.suppression.Suppressions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The accounts table: per account (partition key {@code accountId}) a {@code STATUS} item with status and counters,
 * one {@code HISTORY#<time>#<ulid>} item per status change (the table's stream publishes these as events), and one
 * {@code SUPPRESSION#<address hash>} item per complainant.
 */
public final class DynamoDbAccounts implements Accounts, Suppressions {

    static final String STATUS = "STATUS";
    static final String HISTORY = "HISTORY#";
    static final String SUPPRESSION = "SUPPRESSION#";

    private static final String HISTORY_LISTING = "account-history";
    private static final String SUPPRESSION_LISTING = "suppressions";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAccounts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public Optional<Account> find(AccountId id) {
        var status = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(id, STATUS)).consistentRead(true))
                .item();
        var history = entries(id);
        if ((status == null || status.isEmpty()) && history.isEmpty()) {
            return Optional.empty();
        }
        var known = status == null ? Map.<String, AttributeValue>of() : status;
        return Optional.of(new Account(
                id,
                known.containsKey("status")
                        ? AccountStatus.valueOf(known.get("status").s())
                        : AccountStatus.ACTIVE,
                number(known, "complaints"),
                number(known, "verifiedComplaints"),
                history.stream().map(HistoryEntry::change).toList()));
    }

    @Override
    public AccountStatus status(AccountId id) {
        var item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(key(id, STATUS))
                        .consistentRead(true)
                        .projectionExpression("#status")
                        .expressionAttributeNames(Map.of("#status", "status")))
                .item();
        return item == null || !item.containsKey("status")
                ? AccountStatus.ACTIVE
                : AccountStatus.valueOf(item.get("status").s());
    }

    @Override
    public Page<StatusChange> history(AccountId id, PageRequest page) {
        return DynamoDbPages.query(
                dynamoDb,
                QueryRequest.builder()
                        .tableName(table)
                        .consistentRead(true)
                        .scanIndexForward(false)
                        .keyConditionExpression("accountId = :account AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":account", s(id.value()), ":prefix", s(HISTORY)))
                        .build(),
                HISTORY_LISTING,
                page,
                key -> isKeyOf(key, id, HISTORY),
                item -> key(id, item.get("sk").s()),
                item -> statusChange(id, item));
    }

    @Override
    public boolean changeStatus(StatusChange change) {
        var id = change.accountId();
        String sk = HISTORY + String.format("%015d", change.at().toEpochMilli()) + "#" + Randomness.ulid();
        // An account without a status item is ACTIVE.
        String condition = change.from() == AccountStatus.ACTIVE
                ? "attribute_not_exists(#status) OR #status = :from"
                : "#status = :from";
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(table)
                                    .key(key(id, STATUS))
                                    .updateExpression("SET #status = :to, updatedAt = :at")
                                    .conditionExpression(condition)
                                    .expressionAttributeNames(Map.of("#status", "status"))
                                    .expressionAttributeValues(Map.of(
                                            ":to", s(change.to().name()),
                                            ":from", s(change.from().name()),
                                            ":at", n(change.at().toEpochMilli())))
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(table)
                                    .item(historyItem(change, sk))
                                    .conditionExpression("attribute_not_exists(sk)")
                                    .build())
                            .build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<StatusChange> unannouncedEscalations(AccountId id) {
        return entries(id).stream()
                .filter(entry ->
                        !entry.announced() && entry.change().changedBy().equals(StatusChange.AUTOMATIC))
                .map(HistoryEntry::change)
                .toList();
    }

    @Override
    public void markAnnounced(StatusChange change) {
        entries(change.accountId()).stream()
                .filter(entry -> entry.change().equals(change))
                .forEach(entry -> dynamoDb.updateItem(r -> r.tableName(table)
                        .key(key(change.accountId(), entry.sk()))
                        .updateExpression("SET announced = :true")
                        .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))));
    }

    @Override
    public List<Suppression> of(AccountId accountId) {
        var suppressions = new ArrayList<Suppression>();
        dynamoDb.queryPaginator(suppressionsOf(accountId))
                .items()
                .forEach(item -> suppressions.add(suppression(accountId, item)));
        return suppressions;
    }

    @Override
    public Optional<Suppression> find(AccountId accountId, AddressHash addressHash) {
        var item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(key(accountId, SUPPRESSION + addressHash.value()))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Suppression(
                accountId,
                addressHash,
                Instant.ofEpochMilli(Long.parseLong(item.get("since").n())),
                item.get("complaintId").s()));
    }

    @Override
    public Page<Suppression> of(AccountId accountId, PageRequest page) {
        return DynamoDbPages.query(
                dynamoDb,
                suppressionsOf(accountId),
                SUPPRESSION_LISTING,
                page,
                key -> isKeyOf(key, accountId, SUPPRESSION),
                item -> key(accountId, item.get("sk").s()),
                item -> suppression(accountId, item));
    }

    static Map<String, AttributeValue> key(AccountId id, String sk) {
        return Map.of("accountId", s(id.value()), "sk", s(sk));
    }

    private QueryRequest suppressionsOf(AccountId accountId) {
        return QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("accountId = :account AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":account", s(accountId.value()), ":prefix", s(SUPPRESSION)))
                .build();
    }

    private static Suppression suppression(AccountId accountId, Map<String, AttributeValue> item) {
        return new Suppression(
                accountId,
                new AddressHash(item.get("addressHash").s()),
                Instant.ofEpochMilli(Long.parseLong(item.get("since").n())),
                item.get("complaintId").s());
    }

    /** Whether a cursor's key is of the account's items of that kind: another account's cursor starts nothing here. */
    private static boolean isKeyOf(Map<String, AttributeValue> key, AccountId id, String prefix) {
        var account = key.get("accountId");
        var sk = key.get("sk");
        return key.size() == 2
                && account != null
                && id.value().equals(account.s())
                && sk != null
                && sk.s() != null
                && sk.s().startsWith(prefix);
    }

    private record HistoryEntry(String sk, StatusChange change, boolean announced) {}

    private List<HistoryEntry> entries(AccountId id) {
        var entries = new ArrayList<HistoryEntry>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("accountId = :account AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":account", s(id.value()), ":prefix", s(HISTORY))))
                .items()
                .forEach(item -> entries.add(new HistoryEntry(
                        item.get("sk").s(),
                        statusChange(id, item),
                        item.containsKey("announced") && item.get("announced").bool())));
        return entries;
    }

    private static StatusChange statusChange(AccountId id, Map<String, AttributeValue> item) {
        return new StatusChange(
                id,
                AccountStatus.valueOf(item.get("from").s()),
                AccountStatus.valueOf(item.get("to").s()),
                Instant.ofEpochMilli(Long.parseLong(item.get("at").n())),
                item.get("reason").s(),
                item.get("changedBy").s(),
                new ComplaintStatistics(
                        number(item, "complaints"),
                        number(item, "verifiedComplaints"),
                        number(item, "recipients"),
                        number(item, "busiestUncountedMailing24h")),
                item.get("complaintIds").l().stream().map(AttributeValue::s).toList(),
                // Recorded before the name was kept apart: the one name was both.
                java.util.Optional.ofNullable(item.get("changedByName"))
                        .orElse(item.get("changedBy"))
                        .s());
    }

    private static Map<String, AttributeValue> historyItem(StatusChange change, String sk) {
        var item = new HashMap<String, AttributeValue>(key(change.accountId(), sk));
        item.put("itemType", s("statusChange"));
        item.put("from", s(change.from().name()));
        item.put("to", s(change.to().name()));
        item.put("at", n(change.at().toEpochMilli()));
        item.put("atIso", s(change.at().toString()));
        item.put("reason", s(change.reason()));
        item.put("changedBy", s(change.changedBy()));
        item.put("changedByName", s(change.changedByName()));
        item.put("complaints", n(change.statistics().complaints()));
        item.put("verifiedComplaints", n(change.statistics().verifiedComplaints()));
        item.put("recipients", n(change.statistics().recipients()));
        item.put("busiestUncountedMailing24h", n(change.statistics().mostComplaintsOnOneUncountedMailingIn24h()));
        item.put("ratePercent", s(change.statistics().ratePercent().toPlainString()));
        item.put(
                "complaintIds",
                AttributeValue.fromL(
                        change.complaintIds().stream().map(Attributes::s).toList()));
        item.put("announced", AttributeValue.fromBool(false));
        return item;
    }
}
