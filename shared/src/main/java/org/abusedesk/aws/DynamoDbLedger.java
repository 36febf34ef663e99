package org.abusedesk.aws;

import static org.abusedesk.aws.DynamoDbComplaints.s;
import static org.abusedesk.aws.DynamoDbMailings.n;

import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.processing.ComplaintLedger;
import org.abusedesk.suppression.AddressHash;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Counts a complaint in one DynamoDB transaction across the complaints, mailings and accounts tables. */
public final class DynamoDbLedger implements ComplaintLedger {

    private final DynamoDbClient dynamoDb;
    private final String complaintsTable;
    private final String mailingsTable;
    private final String accountsTable;

    public DynamoDbLedger(DynamoDbClient dynamoDb, String complaintsTable, String mailingsTable, String accountsTable) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.complaintsTable = Objects.requireNonNull(complaintsTable, "complaintsTable == null");
        this.mailingsTable = Objects.requireNonNull(mailingsTable, "mailingsTable == null");
        this.accountsTable = Objects.requireNonNull(accountsTable, "accountsTable == null");
    }

    @Override
    public boolean count(Complaint complaint, Optional<AccountId> account) {
        var verified = n(complaint.attribution().verified() ? 1 : 0);
        var items = new ArrayList<TransactWriteItem>();
        var complaintValues = new java.util.HashMap<>(Map.of(":received", s("RECEIVED"), ":counted", s("COUNTED")));
        account.ifPresent(a -> complaintValues.put(":account", s(a.value())));
        items.add(update(Update.builder()
                .tableName(complaintsTable)
                .key(DynamoDbComplaints.key(complaint.key()))
                .conditionExpression("#state = :received")
                .updateExpression("SET #state = :counted" + (account.isPresent() ? ", accountId = :account" : ""))
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(complaintValues)));
        items.add(update(Update.builder()
                .tableName(mailingsTable)
                .key(DynamoDbMailings.key(complaint.mailingId()))
                .updateExpression("ADD complaints :one, verifiedComplaints :verified")
                .expressionAttributeValues(Map.of(":one", n(1), ":verified", verified))));
        account.ifPresent(id -> {
            items.add(update(Update.builder()
                    .tableName(accountsTable)
                    .key(DynamoDbAccounts.key(id, DynamoDbAccounts.STATUS))
                    .updateExpression("ADD complaints :one, verifiedComplaints :verified")
                    .expressionAttributeValues(Map.of(":one", n(1), ":verified", verified))));
            if (complaint.complainant().email().isBlank()) {
                // No address to suppress: a mail without a sender, or a complaint erased before it was counted.
                return;
            }
            var hash = AddressHash.of(complaint.complainant().email());
            // The first complaint of a person suppresses them; later ones leave that record as it is.
            items.add(update(Update.builder()
                    .tableName(accountsTable)
                    .key(DynamoDbAccounts.key(id, DynamoDbAccounts.SUPPRESSION + hash.value()))
                    .updateExpression("SET addressHash = if_not_exists(addressHash, :hash),"
                            + " since = if_not_exists(since, :since),"
                            + " complaintId = if_not_exists(complaintId, :complaint)")
                    .expressionAttributeValues(Map.of(
                            ":hash", s(hash.value()),
                            ":since", n(complaint.receivedAt().toEpochMilli()),
                            ":complaint", s(complaint.id().value())))));
        });
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            CancellationReason first = e.cancellationReasons().isEmpty()
                    ? null
                    : e.cancellationReasons().get(0);
            if (first != null && "ConditionalCheckFailed".equals(first.code())) {
                return false;
            }
            throw e;
        }
    }

    private static TransactWriteItem update(Update.Builder update) {
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
