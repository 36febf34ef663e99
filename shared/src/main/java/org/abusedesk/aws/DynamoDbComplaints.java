package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.s;

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
import org.abusedesk.complaint.DkimCheck;
import org.abusedesk.complaint.DuplicateComplaintException;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdCandidate;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.complaint.Verification;
import org.abusedesk.suppression.AddressHash;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The complaints table in DynamoDB: partition key Mailing ID, sort key complaint id. */
public final class DynamoDbComplaints implements Complaints {

    /** Marks complaint items, so that the stream pipe passes them and nothing else. */
    static final String ITEM_TYPE = "complaint";
    /** The attribute the sparse index {@code byComplainant} is keyed by. */
    static final String COMPLAINANT_HASH = "complainantHash";

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

    /**
     * Sends the write {@link #add} sends, under a condition that can never hold: DynamoDB refuses it and stores
     * nothing. Warms the client for a function whose role may write complaints but not read them.
     */
    public void rehearseAdd(Complaint sample) {
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(toItem(sample))
                    .conditionExpression("attribute_exists(complaintId) AND attribute_not_exists(complaintId)"));
        } catch (ConditionalCheckFailedException e) {
            // refused, as it must be
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
        return Optional.of(complaint).filter(c -> c.readableAt(now));
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
                    if (complaint.readableAt(now)) {
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
        complainantHash(complaint.complainant().email()).ifPresent(hash -> item.put(COMPLAINANT_HASH, s(hash.value())));
        complaint.complainant().name().ifPresent(name -> item.put("name", s(name)));
        item.put("salutation", s(complaint.complainant().salutation().name()));
        item.put("language", s(complaint.complainant().language().name()));
        if (complaint.complainant().consentToShare()) {
            item.put("consentToShare", AttributeValue.fromBool(true));
        }
        item.put("message", s(complaint.message()));
        complaint.attribution().claimedAccountId().ifPresent(account -> item.put("claimedAccountId", s(account)));
        item.put("verified", AttributeValue.fromBool(complaint.attribution().verified()));
        item.put("verification", s(complaint.attribution().verification().name()));
        if (complaint.attribution().accountSigned()) {
            item.put("accountSigned", AttributeValue.fromBool(true));
        }
        complaint.attribution().provenance().ifPresent(p -> {
            item.put("provenance", AttributeValue.fromM(provenance(p)));
            // Top level as well, for the sparse index that tells the reconciler which mails gave complaints.
            item.put("receiptId", s(p.receiptId()));
        });
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(complaint.expiresAt().getEpochSecond())));
        return item;
    }

    /**
     * The key of the sparse index of complaints by complainant, through which an erasure finds them: the hash of the
     * address, never the address. None for a complaint without an address, or with one whose domain cannot be read
     * (which an erasure could not name either).
     */
    static Optional<AddressHash> complainantHash(String email) {
        if (email.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AddressHash.of(email));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
                        Language.valueOf(item.get("language").s()),
                        item.containsKey("consentToShare")
                                && Boolean.TRUE.equals(
                                        item.get("consentToShare").bool())),
                item.get("message").s(),
                new Attribution(
                        Optional.ofNullable(item.get("claimedAccountId")).map(AttributeValue::s),
                        Optional.ofNullable(item.get("accountSigned"))
                                .map(AttributeValue::bool)
                                .orElse(false),
                        Verification.parse(
                                Optional.ofNullable(item.get("verification"))
                                        .map(AttributeValue::s)
                                        .orElse(null),
                                item.get("verified").bool()),
                        Optional.ofNullable(item.get("provenance")).map(p -> provenance(p.m()))),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
    }

    /** Where a mailed complaint came from, as one map attribute: no personal data, only ids, sources and checks. */
    static Map<String, AttributeValue> provenance(MailProvenance provenance) {
        var map = new HashMap<String, AttributeValue>();
        map.put("receiptId", s(provenance.receiptId()));
        map.put("part", AttributeValue.fromN(Integer.toString(provenance.part())));
        map.put("format", s(provenance.format().name()));
        provenance.mailingIdSource().ifPresent(source -> map.put("mailingIdSource", s(source)));
        map.put(
                "candidates",
                AttributeValue.fromL(provenance.candidates().stream()
                        .map(c -> {
                            var candidate = new HashMap<String, AttributeValue>();
                            candidate.put("mailingId", s(c.mailingId()));
                            c.accountId().ifPresent(a -> candidate.put("accountId", s(a)));
                            candidate.put("source", s(c.source()));
                            candidate.put("dkimSigned", AttributeValue.fromBool(c.dkimSigned()));
                            return AttributeValue.fromM(candidate);
                        })
                        .toList()));
        map.put("conflict", AttributeValue.fromBool(provenance.conflict()));
        map.put("truncated", AttributeValue.fromBool(provenance.truncated()));
        provenance.evidence().ifPresent(evidence -> map.put("evidence", s(evidence)));
        provenance.signature().ifPresent(signature -> map.put("signature", s(signature)));
        map.put(
                "dkim",
                AttributeValue.fromL(provenance.dkim().stream()
                        .map(d -> AttributeValue.fromM(Map.of(
                                "domain", s(d.domain()),
                                "selector", s(d.selector()),
                                "headerValid", AttributeValue.fromBool(d.headerValid()),
                                "bodyHashValid", AttributeValue.fromBool(d.bodyHashValid()))))
                        .toList()));
        var verdicts = provenance.verdicts();
        map.put(
                "verdicts",
                AttributeValue.fromM(Map.of(
                        "spam", s(verdicts.spam().name()),
                        "virus", s(verdicts.virus().name()),
                        "spf", s(verdicts.spf().name()),
                        "dkim", s(verdicts.dkim().name()),
                        "dmarc", s(verdicts.dmarc().name()))));
        map.put("quarantined", AttributeValue.fromBool(provenance.quarantined()));
        return map;
    }

    static MailProvenance provenance(Map<String, AttributeValue> map) {
        var verdicts = map.get("verdicts").m();
        return new MailProvenance(
                map.get("receiptId").s(),
                Integer.parseInt(map.get("part").n()),
                ReportFormat.valueOf(map.get("format").s()),
                Optional.ofNullable(map.get("mailingIdSource")).map(AttributeValue::s),
                map.get("candidates").l().stream()
                        .map(c -> new MailingIdCandidate(
                                c.m().get("mailingId").s(),
                                Optional.ofNullable(c.m().get("accountId")).map(AttributeValue::s),
                                c.m().get("source").s(),
                                c.m().get("dkimSigned").bool()))
                        .toList(),
                map.get("conflict").bool(),
                map.get("truncated").bool(),
                Optional.ofNullable(map.get("evidence")).map(AttributeValue::s),
                map.get("dkim").l().stream()
                        .map(d -> new DkimCheck(
                                d.m().get("domain").s(),
                                d.m().get("selector").s(),
                                d.m().get("headerValid").bool(),
                                d.m().get("bodyHashValid").bool()))
                        .toList(),
                Optional.ofNullable(map.get("signature")).map(AttributeValue::s),
                new ReceiptVerdicts(
                        Verdict.parse(verdicts.get("spam").s()),
                        Verdict.parse(verdicts.get("virus").s()),
                        Verdict.parse(verdicts.get("spf").s()),
                        Verdict.parse(verdicts.get("dkim").s()),
                        Verdict.parse(verdicts.get("dmarc").s())),
                map.get("quarantined").bool());
    }
}
