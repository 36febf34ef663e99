package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.Verification;
import org.abusedesk.processing.ComplaintLedger;
import org.abusedesk.suppression.AddressHash;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts a complaint in one DynamoDB transaction across the complaints, mailings and accounts tables. A complaint
 * whose reported message carries a proving signature claims that signature in the limits table in the same
 * transaction: a second complaint with the same signed message finds it claimed, and is marked as a replay that
 * counts towards nothing.
 */
public final class DynamoDbLedger implements ComplaintLedger {

    private static final String SIGNATURE_CLAIM = "signature#";

    private final DynamoDbClient dynamoDb;
    private final String complaintsTable;
    private final String mailingsTable;
    private final String accountsTable;
    private final String limitsTable;

    public DynamoDbLedger(
            DynamoDbClient dynamoDb,
            String complaintsTable,
            String mailingsTable,
            String accountsTable,
            String limitsTable) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.complaintsTable = Objects.requireNonNull(complaintsTable, "complaintsTable == null");
        this.mailingsTable = Objects.requireNonNull(mailingsTable, "mailingsTable == null");
        this.accountsTable = Objects.requireNonNull(accountsTable, "accountsTable == null");
        this.limitsTable = Objects.requireNonNull(limitsTable, "limitsTable == null");
    }

    @Override
    public boolean count(Complaint complaint, Optional<AccountId> account) {
        var verified = n(complaint.attribution().verified() ? 1 : 0);
        var items = new ArrayList<TransactWriteItem>();
        items.add(advance(complaint, account, false));
        var signature = complaint.attribution().provenance().flatMap(MailProvenance::signature);
        signature.ifPresent(id -> items.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(limitsTable)
                        .item(Map.of(
                                "limitKey", s(SIGNATURE_CLAIM + id),
                                "complaintId", s(complaint.id().value()),
                                // Kept as long as the complaint: a replay after that is counted again.
                                "expiresAt", n(complaint.expiresAt().getEpochSecond())))
                        .conditionExpression("attribute_not_exists(limitKey)")
                        .build())
                .build()));
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
            // The first complaint of a person suppresses them; later ones leave that record as it is. The time is
            // kept as text too: the SuppressionAdded event's pipe copies it as it is, and cannot format a number.
            items.add(update(Update.builder()
                    .tableName(accountsTable)
                    .key(DynamoDbAccounts.key(id, DynamoDbAccounts.SUPPRESSION + hash.value()))
                    .updateExpression("SET addressHash = if_not_exists(addressHash, :hash),"
                            + " since = if_not_exists(since, :since),"
                            + " sinceIso = if_not_exists(sinceIso, :sinceIso),"
                            + " complaintId = if_not_exists(complaintId, :complaint)")
                    .expressionAttributeValues(Map.of(
                            ":hash", s(hash.value()),
                            ":since", n(complaint.receivedAt().toEpochMilli()),
                            ":sinceIso",
                                    s(Instant.ofEpochMilli(
                                                    complaint.receivedAt().toEpochMilli())
                                            .toString()),
                            ":complaint", s(complaint.id().value())))));
        });
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (failed(e, 0)) {
                return false;
            }
            if (signature.isPresent() && failed(e, 1)) {
                return countReplay(complaint, account);
            }
            throw e;
        }
    }

    /** Moves a replay on to COUNTED, marked, with no counter and no suppression touched. */
    private boolean countReplay(Complaint complaint, Optional<AccountId> account) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(advance(complaint, account, true)));
            return true;
        } catch (TransactionCanceledException e) {
            if (failed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    private TransactWriteItem advance(Complaint complaint, Optional<AccountId> account, boolean replay) {
        var values = new HashMap<>(Map.of(":received", s("RECEIVED"), ":counted", s("COUNTED")));
        var update = new StringBuilder("SET #state = :counted");
        account.ifPresent(a -> {
            values.put(":account", s(a.value()));
            update.append(", accountId = :account");
        });
        if (replay) {
            values.put(":replay", s(Verification.REPLAY.name()));
            values.put(":unverified", AttributeValue.fromBool(false));
            update.append(", verification = :replay, verified = :unverified");
        }
        return update(Update.builder()
                .tableName(complaintsTable)
                .key(DynamoDbComplaints.key(complaint.key()))
                .conditionExpression("#state = :received")
                .updateExpression(update.toString())
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(values));
    }

    private static boolean failed(TransactionCanceledException e, int item) {
        var reasons = e.cancellationReasons();
        return reasons.size() > item
                && "ConditionalCheckFailed".equals(reasons.get(item).code());
    }

    private static TransactWriteItem update(Update.Builder update) {
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
