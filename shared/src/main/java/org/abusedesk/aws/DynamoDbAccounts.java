package org.abusedesk.aws;

import static org.abusedesk.aws.DynamoDbComplaints.s;
import static org.abusedesk.aws.DynamoDbMailings.n;
import static org.abusedesk.aws.DynamoDbMailings.number;

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
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;
import org.abusedesk.suppression.Suppressions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
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
        var history = history(id);
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
        return history(id).stream()
                .filter(entry ->
                        !entry.announced() && entry.change().changedBy().equals(StatusChange.AUTOMATIC))
                .map(HistoryEntry::change)
                .toList();
    }

    @Override
    public void markAnnounced(StatusChange change) {
        history(change.accountId()).stream()
                .filter(entry -> entry.change().equals(change))
                .forEach(entry -> dynamoDb.updateItem(r -> r.tableName(table)
                        .key(key(change.accountId(), entry.sk()))
                        .updateExpression("SET announced = :true")
                        .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))));
    }

    @Override
    public List<Suppression> of(AccountId accountId) {
        var suppressions = new ArrayList<Suppression>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("accountId = :account AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":account", s(accountId.value()), ":prefix", s(SUPPRESSION))))
                .items()
                .forEach(item -> suppressions.add(new Suppression(
                        accountId,
                        new AddressHash(item.get("addressHash").s()),
                        Instant.ofEpochMilli(Long.parseLong(item.get("since").n())),
                        item.get("complaintId").s())));
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

    static Map<String, AttributeValue> key(AccountId id, String sk) {
        return Map.of("accountId", s(id.value()), "sk", s(sk));
    }

    private record HistoryEntry(String sk, StatusChange change, boolean announced) {}

    private List<HistoryEntry> history(AccountId id) {
        var entries = new ArrayList<HistoryEntry>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("accountId = :account AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":account", s(id.value()), ":prefix", s(HISTORY))))
                .items()
                .forEach(item -> entries.add(new HistoryEntry(
                        item.get("sk").s(),
                        new StatusChange(
                                id,
                                AccountStatus.valueOf(item.get("from").s()),
                                AccountStatus.valueOf(item.get("to").s()),
                                Instant.ofEpochMilli(
                                        Long.parseLong(item.get("at").n())),
                                item.get("reason").s(),
                                item.get("changedBy").s(),
                                new ComplaintStatistics(
                                        number(item, "complaints"),
                                        number(item, "verifiedComplaints"),
                                        number(item, "recipients"),
                                        number(item, "busiestUncountedMailing24h")),
                                item.get("complaintIds").l().stream()
                                        .map(AttributeValue::s)
                                        .toList()),
                        item.containsKey("announced") && item.get("announced").bool())));
        return entries;
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
        item.put("complaints", n(change.statistics().complaints()));
        item.put("verifiedComplaints", n(change.statistics().verifiedComplaints()));
        item.put("recipients", n(change.statistics().recipients()));
        item.put("busiestUncountedMailing24h", n(change.statistics().mostComplaintsOnOneUncountedMailingIn24h()));
        item.put("ratePercent", s(change.statistics().ratePercent().toPlainString()));
        item.put(
                "complaintIds",
                AttributeValue.fromL(change.complaintIds().stream()
                        .map(DynamoDbComplaints::s)
                        .toList()));
        item.put("announced", AttributeValue.fromBool(false));
        return item;
    }
}
