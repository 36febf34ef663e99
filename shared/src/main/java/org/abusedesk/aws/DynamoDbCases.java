package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseClosure;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.CaseFiles;
import org.abusedesk.cases.ComplainantRecords;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.evidence.OptInEvidenceRecords;
import org.abusedesk.people.Actor;
import org.abusedesk.suppression.AddressHash;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Cases in the complaints table, one item at a time: the complaint item with what the desk added to it
 * ({@code accountId} when counted, {@code acknowledgedAt}), the abuse team's closure ({@code closedBy}, the name,
 * and {@code closedBySubject}, {@code closedAt}, {@code closingNote}), the platform's opt-in evidence ({@code optInEvidence}) and the mark of an
 * erasure ({@code erasedAt}). Complaints of a complainant
 * are found through the sparse index {@code byComplainant} (the hash of the address), those of one mail through
 * {@code byReceipt}.
 */
public final class DynamoDbCases implements CaseFiles, ComplainantRecords, OptInEvidenceRecords {

    static final String BY_COMPLAINANT = "byComplainant";
    static final String BY_RECEIPT = "byReceipt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCases(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public Optional<CaseFile> find(ComplaintKey key, Instant now) {
        // TTL deletes late (up to days): an expired item must not be read as if it were still there.
        return read(key).filter(file -> file.complaint().readableAt(now));
    }

    @Override
    public boolean close(ComplaintKey key, ComplaintState from, CaseClosure closure) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(DynamoDbComplaints.key(key))
                    .conditionExpression("#state = :from")
                    .updateExpression("SET #state = :to, closedBy = :actor, closedBySubject = :subject, closedAt = :at,"
                            + " closingNote = :note")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":from", s(from.name()),
                            ":to", s(closure.outcome().name()),
                            ":actor", s(closure.actor().name()),
                            ":subject", s(closure.actor().subject()),
                            ":at", s(closure.at().toString()),
                            ":note", s(closure.note()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean await(ComplaintKey key, ComplaintState from, Instant dueAt) {
        return update(
                key,
                "#state = :from",
                "SET #state = :to, dueAt = :due",
                Map.of(
                        ":from", s(from.name()),
                        ":to", s(ComplaintState.WAITING_FOR_CUSTOMER.name()),
                        ":due", s(dueAt.toString())));
    }

    @Override
    public boolean answered(ComplaintKey key) {
        return update(
                key,
                "#state = :from",
                "SET #state = :to REMOVE dueAt",
                Map.of(
                        ":from", s(ComplaintState.WAITING_FOR_CUSTOMER.name()),
                        ":to", s(ComplaintState.NOTIFIED.name())));
    }

    @Override
    public boolean markOutcomeTold(ComplaintKey key, Instant at) {
        return update(
                key,
                "attribute_not_exists(outcomeToldAt) AND attribute_not_exists(erasedAt) AND attribute_exists(#state)",
                "SET outcomeToldAt = :at",
                Map.of(":at", s(at.toString())));
    }

    private boolean update(ComplaintKey key, String condition, String expression, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(DynamoDbComplaints.key(key))
                    .conditionExpression(condition)
                    .updateExpression(expression)
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<CaseFile> ofComplainant(AddressHash address) {
        var files = new ArrayList<CaseFile>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .indexName(BY_COMPLAINANT)
                        .keyConditionExpression("#hash = :hash")
                        .expressionAttributeNames(Map.of("#hash", DynamoDbComplaints.COMPLAINANT_HASH))
                        .expressionAttributeValues(Map.of(":hash", s(address.value()))))
                .items()
                .forEach(entry -> {
                    var key = ComplaintKey.of(
                            entry.get("mailingId").s(), entry.get("complaintId").s());
                    // The index lags behind the table: the item itself says whether it still holds the address.
                    item(key)
                            .filter(item -> item.containsKey(DynamoDbComplaints.COMPLAINANT_HASH)
                                    && address.value()
                                            .equals(item.get(DynamoDbComplaints.COMPLAINANT_HASH)
                                                    .s()))
                            .map(DynamoDbCases::fromItem)
                            .ifPresent(files::add);
                });
        return files;
    }

    @Override
    public List<ComplaintKey> ofReceipt(String receiptId) {
        return dynamoDb
                .queryPaginator(r -> r.tableName(table)
                        .indexName(BY_RECEIPT)
                        .keyConditionExpression("receiptId = :r")
                        .expressionAttributeValues(Map.of(":r", s(receiptId))))
                .items()
                .stream()
                .map(item -> ComplaintKey.of(
                        item.get("mailingId").s(), item.get("complaintId").s()))
                .toList();
    }

    @Override
    public void erase(ComplaintKey key, Instant at) {
        var item = item(key);
        if (item.isEmpty()) {
            return;
        }
        var names = new HashMap<String, String>();
        names.put("#email", "email");
        names.put("#name", "name");
        names.put("#message", "message");
        names.put("#salutation", "salutation");
        names.put("#hash", DynamoDbComplaints.COMPLAINANT_HASH);
        // Empty rather than absent: a complaint always has an address and a message, an erased one empty ones.
        String update = "SET #email = :empty, #message = :empty, #salutation = :none, erasedAt = :at"
                + " REMOVE #name, #hash, closingNote, optInEvidence, consentToShare";
        if (item.get().containsKey("provenance")) {
            // The raw mail is deleted, or belongs to another person's complaint: this one no longer points at it.
            update += ", provenance.evidence";
        }
        String expression = update;
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(DynamoDbComplaints.key(key))
                    .conditionExpression("attribute_exists(complaintId)")
                    .updateExpression(expression)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(
                            ":empty", s(""),
                            ":none", s(Salutation.NONE.name()),
                            ":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // deleted by TTL in between: nothing left to erase
        }
    }

    @Override
    public boolean record(ComplaintKey key, OptInEvidence evidence) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":evidence", AttributeValue.fromM(OptInEvidenceItem.of(evidence)));
        String condition = "attribute_exists(complaintId) AND attribute_not_exists(erasedAt)";
        if (!evidence.status().settled()) {
            // A late failure of a repeated question must not overwrite the record an earlier attempt got.
            condition += " AND (attribute_not_exists(optInEvidence) OR NOT optInEvidence.settled = :settled)";
            values.put(":settled", AttributeValue.fromBool(true));
        }
        String expression = condition;
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(DynamoDbComplaints.key(key))
                    .conditionExpression(expression)
                    .updateExpression("SET optInEvidence = :evidence")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<CaseFile> read(ComplaintKey key) {
        return item(key).map(DynamoDbCases::fromItem);
    }

    private Optional<Map<String, AttributeValue>> item(ComplaintKey key) {
        var item = dynamoDb.getItem(
                        r -> r.tableName(table).key(DynamoDbComplaints.key(key)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    static CaseFile fromItem(Map<String, AttributeValue> item) {
        var complaint = DynamoDbComplaints.fromItem(item);
        Optional<CaseClosure> closure = Optional.ofNullable(item.get("closedAt"))
                .map(at -> new CaseClosure(
                        complaint.state(),
                        // Closed before the subject was kept apart: the one name was both.
                        new Actor(
                                Optional.ofNullable(item.get("closedBySubject"))
                                        .orElse(item.get("closedBy"))
                                        .s(),
                                item.get("closedBy").s()),
                        Instant.parse(at.s()),
                        Optional.ofNullable(item.get("closingNote"))
                                .map(AttributeValue::s)
                                .orElse("")));
        return new CaseFile(
                complaint,
                Optional.ofNullable(item.get("accountId")).map(a -> new AccountId(a.s())),
                Optional.ofNullable(item.get("acknowledgedAt")).map(at -> Instant.ofEpochMilli(Long.parseLong(at.n()))),
                closure,
                Optional.ofNullable(item.get("erasedAt")).map(at -> Instant.parse(at.s())),
                Optional.ofNullable(item.get("optInEvidence")).map(e -> OptInEvidenceItem.from(e.m())),
                Optional.ofNullable(item.get("dueAt")).map(at -> Instant.parse(at.s())),
                Optional.ofNullable(item.get("outcomeToldAt")).map(at -> Instant.parse(at.s())));
    }
}
