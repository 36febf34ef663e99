package org.abusedesk.aws;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.DuplicateComplaintException;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The complaints table in DynamoDB: partition key Mailing ID, sort key complaint id. */
public final class DynamoDbComplaints implements Complaints {

    /** Marks complaint items, so that the stream pipe passes them and nothing else. */
    static final String ITEM_TYPE = "complaint";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbComplaints(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public void add(Complaint complaint) {
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(toItem(complaint))
                    .conditionExpression("attribute_not_exists(complaintId)"));
        } catch (ConditionalCheckFailedException e) {
            throw new DuplicateComplaintException(complaint.key());
        }
    }

    @Override
    public Optional<Complaint> find(ComplaintKey key, Instant now) {
        var item = dynamoDb.getItem(r -> r.tableName(table).key(key(key)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        var complaint = fromItem(item);
        // TTL deletes late (up to days): an expired item must not be read as if it were still there.
        return complaint.expiresAt().isAfter(now) ? Optional.of(complaint) : Optional.empty();
    }

    @Override
    public boolean advance(ComplaintKey key, ComplaintState from, ComplaintState to) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(key))
                    .conditionExpression("#state = :from")
                    .updateExpression("SET #state = :to")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":from", s(from.name()), ":to", s(to.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Complaint> awaitingNotification(MailingId mailingId, Instant now) {
        var awaiting = new ArrayList<Complaint>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("mailingId = :m")
                        .filterExpression("#state = :counted")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":m", s(mailingId.value()), ":counted", s("COUNTED"))))
                .items()
                .forEach(item -> {
                    var complaint = fromItem(item);
                    if (complaint.expiresAt().isAfter(now)) {
                        awaiting.add(complaint);
                    }
                });
        return awaiting;
    }

    @Override
    public long countSince(MailingId mailingId, Instant since) {
        // Complaint ids are ULIDs, which sort by time: the smallest ULID of an instant bounds the range.
        String from = Ulid.min(since.toEpochMilli()).toString();
        long count = 0;
        for (var page : dynamoDb.queryPaginator(r -> r.tableName(table)
                .keyConditionExpression("mailingId = :m AND complaintId >= :from")
                .filterExpression("classification = :complaint")
                .expressionAttributeValues(
                        Map.of(":m", s(mailingId.value()), ":from", s(from), ":complaint", s("COMPLAINT")))
                .select(Select.COUNT))) {
            count += page.count();
        }
        return count;
    }

    static Map<String, AttributeValue> key(ComplaintKey key) {
        return Map.of(
                "mailingId", s(key.mailingId().value()),
                "complaintId", s(key.complaintId().value()));
    }

    static Map<String, AttributeValue> toItem(Complaint complaint) {
        var item = new HashMap<>(key(complaint.key()));
        item.put("itemType", s(ITEM_TYPE));
        item.put("channel", s(complaint.channel().name()));
        item.put("classification", s(complaint.classification().name()));
        item.put("state", s(complaint.state().name()));
        item.put("receivedAt", s(complaint.receivedAt().toString()));
        item.put("email", s(complaint.complainant().email()));
        complaint.complainant().name().ifPresent(name -> item.put("name", s(name)));
        item.put("salutation", s(complaint.complainant().salutation().name()));
        item.put("language", s(complaint.complainant().language().name()));
        item.put("message", s(complaint.message()));
        complaint.attribution().claimedAccountId().ifPresent(account -> item.put("claimedAccountId", s(account)));
        item.put("verified", AttributeValue.fromBool(complaint.attribution().verified()));
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(complaint.expiresAt().getEpochSecond())));
        return item;
    }

    static Complaint fromItem(Map<String, AttributeValue> item) {
        return new Complaint(
                ComplaintKey.of(
                        item.get("mailingId").s(), item.get("complaintId").s()),
                Channel.valueOf(item.get("channel").s()),
                Classification.valueOf(item.get("classification").s()),
                ComplaintState.valueOf(item.get("state").s()),
                Instant.parse(item.get("receivedAt").s()),
                new Complainant(
                        item.get("email").s(),
                        Optional.ofNullable(item.get("name")).map(AttributeValue::s),
                        Salutation.valueOf(item.get("salutation").s()),
                        Language.valueOf(item.get("language").s())),
                item.get("message").s(),
                new Attribution(
                        Optional.ofNullable(item.get("claimedAccountId")).map(AttributeValue::s),
                        item.get("verified").bool()),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
