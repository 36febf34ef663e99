package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.number;
import static org.abusedesk.aws.Attributes.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.ComplaintStatistics;
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
 *
 * <p>The same transaction adds the complaint to the console's counters ({@link DynamoDbStatisticsItems}), so that
 * they count what the ledger counted, once, and no replay.
 *
 * <p>The complaint keeps its mailing's counts as they are after it ({@code counted}): they are read first, and the
 * transaction adds to them only if no other count came in between, else it reads and tries again. The stream's
 * change of the complaint from RECEIVED to COUNTED, with them, is the {@code ComplaintCounted} event: the counts
 * reach the bus through the stream and its pipe, never by a second write.
 */
public final class DynamoDbLedger implements ComplaintLedger {

    private static final String SIGNATURE_CLAIM = "signature#";
    /** Counts that met another count in between, tried again: a storm's processors meet on its mailing. */
    static final int MAX_COUNT_ATTEMPTS = 20;

    private final DynamoDbClient dynamoDb;
    private final String complaintsTable;
    private final String mailingsTable;
    private final String accountsTable;
    private final String limitsTable;
    private final Backoff backoff;

    public DynamoDbLedger(
            DynamoDbClient dynamoDb,
            String complaintsTable,
            String mailingsTable,
            String accountsTable,
            String limitsTable) {
        this(dynamoDb, complaintsTable, mailingsTable, accountsTable, limitsTable, Backoff.DEFAULT);
    }

    DynamoDbLedger(
            DynamoDbClient dynamoDb,
            String complaintsTable,
            String mailingsTable,
            String accountsTable,
            String limitsTable,
            Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff == null");
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.complaintsTable = Objects.requireNonNull(complaintsTable, "complaintsTable == null");
        this.mailingsTable = Objects.requireNonNull(mailingsTable, "mailingsTable == null");
        this.accountsTable = Objects.requireNonNull(accountsTable, "accountsTable == null");
        this.limitsTable = Objects.requireNonNull(limitsTable, "limitsTable == null");
    }

    @Override
    public boolean count(Complaint complaint, Optional<AccountId> account) {
        for (int attempt = 1; ; attempt++) {
            var before = mailingCounts(complaint);
            var items = countItems(complaint, account, before);
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                if (failed(e, 0)) {
                    return false;
                }
                boolean signed = complaint
                        .attribution()
                        .provenance()
                        .flatMap(MailProvenance::signature)
                        .isPresent();
                if (signed && failed(e, 1)) {
                    return countReplay(complaint, account);
                }
                if (!(failed(e, signed ? 2 : 1) || conflicted(e)) || attempt >= MAX_COUNT_ATTEMPTS) {
                    throw e;
                }
                // Another complaint on the mailing was counted since its counts were read, or at the same moment.
                backoff.before(attempt + 1);
            }
        }
    }

    /** The mailing's counts before this complaint, read consistently: zero for a mailing without an item. */
    private ComplaintStatistics mailingCounts(Complaint complaint) {
        var item = dynamoDb.getItem(r -> r.tableName(mailingsTable)
                        .key(DynamoDbMailings.key(complaint.mailingId()))
                        .consistentRead(true)
                        .projectionExpression("complaints, verifiedComplaints, recipients"))
                .item();
        var counts = item == null ? Map.<String, AttributeValue>of() : item;
        return new ComplaintStatistics(
                number(counts, "complaints"), number(counts, "verifiedComplaints"), number(counts, "recipients"), 0);
    }

    private ArrayList<TransactWriteItem> countItems(
            Complaint complaint, Optional<AccountId> account, ComplaintStatistics before) {
        boolean isVerified = complaint.attribution().verified();
        var verified = n(isVerified ? 1 : 0);
        var after = new ComplaintStatistics(
                before.complaints() + 1, before.verifiedComplaints() + (isVerified ? 1 : 0), before.recipients(), 0);
        var items = new ArrayList<TransactWriteItem>();
        items.add(advance(complaint, account, Optional.of(after)));
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
                // As read: no other count in between, so that the counts the complaint keeps are the ones after it.
                .conditionExpression(
                        before.complaints() == 0
                                ? "attribute_not_exists(complaints) OR complaints = :before"
                                : "complaints = :before")
                .expressionAttributeValues(
                        Map.of(":one", n(1), ":verified", verified, ":before", n(before.complaints())))));
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
        // Last, so that the cancellation reasons above keep their places; exact because they share the step.
        items.addAll(DynamoDbStatisticsItems.counting(accountsTable, complaint, account));
        return items;
    }

    /** Moves a replay on to COUNTED, marked, with no counter and no suppression touched. */
    private boolean countReplay(Complaint complaint, Optional<AccountId> account) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(advance(complaint, account, Optional.empty())));
            return true;
        } catch (TransactionCanceledException e) {
            if (failed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * RECEIVED → COUNTED, with the mailing's counts {@code after} it; a replay, which counts towards nothing, keeps
     * none and is marked.
     */
    private TransactWriteItem advance(
            Complaint complaint, Optional<AccountId> account, Optional<ComplaintStatistics> after) {
        boolean replay = after.isEmpty();
        var values = new HashMap<>(Map.of(":received", s("RECEIVED"), ":counted", s("COUNTED")));
        var update = new StringBuilder("SET #state = :counted");
        account.ifPresent(a -> {
            values.put(":account", s(a.value()));
            update.append(", accountId = :account");
        });
        after.ifPresent(counts -> {
            var kept = new HashMap<String, AttributeValue>();
            kept.put("complaints", s(Long.toString(counts.complaints())));
            kept.put("verifiedComplaints", s(Long.toString(counts.verifiedComplaints())));
            kept.put("recipients", s(Long.toString(counts.recipients())));
            kept.put("ratePercent", s(counts.ratePercent().toPlainString()));
            kept.put("accountId", s(account.map(AccountId::value).orElse("")));
            kept.put("at", s(java.time.Instant.now().toString()));
            values.put(":countedWith", AttributeValue.fromM(kept));
            update.append(", counted = :countedWith");
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

    /** Another transaction wrote one of the items at the same moment: nothing was written, and a retry may pass. */
    private static boolean conflicted(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }

    private static TransactWriteItem update(Update.Builder update) {
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
