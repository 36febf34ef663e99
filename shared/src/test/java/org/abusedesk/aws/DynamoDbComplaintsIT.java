package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
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
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.FaultInjector;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class DynamoDbComplaintsIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final Stack stack;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbComplaints complaints;

    DynamoDbComplaintsIT(Stack stack) {
        this.stack = stack;
        this.dynamoDb = stack.aws().dynamoDb();
        this.table = stack.ref("ComplaintsTable");
        this.complaints = new DynamoDbComplaints(dynamoDb, table);
    }

    @Test
    void add_writesTheItemTheStreamPipeAndTheProcessorExpect() {
        var complaint = complaint(ComplaintState.RECEIVED, NOW.plusSeconds(86_400));

        complaints.add(complaint);

        var item = dynamoDb.getItem(r -> r.tableName(table).key(DynamoDbComplaints.key(complaint.key())))
                .item();
        assertThat(item)
                .containsEntry("mailingId", AttributeValue.fromS("14141611"))
                .containsEntry(
                        "complaintId", AttributeValue.fromS(complaint.id().value()))
                .containsEntry("itemType", AttributeValue.fromS("complaint"))
                .containsEntry("state", AttributeValue.fromS("RECEIVED"))
                .containsEntry("channel", AttributeValue.fromS("FORM"))
                .containsEntry("email", AttributeValue.fromS("a@example.net"))
                .containsEntry("name", AttributeValue.fromS("Erika Muster"))
                .containsEntry("salutation", AttributeValue.fromS("FRAU"))
                .containsEntry("message", AttributeValue.fromS("spam"))
                .containsEntry("classification", AttributeValue.fromS("COMPLAINT"))
                .containsEntry("language", AttributeValue.fromS("DE"))
                .containsEntry("verified", AttributeValue.fromBool(false))
                .containsEntry(
                        "expiresAt",
                        AttributeValue.fromN(
                                Long.toString(NOW.plusSeconds(86_400).getEpochSecond())));
        assertThat(complaints.find(complaint.key(), NOW)).contains(complaint);
    }

    @Test
    void add_keysTheComplaintByTheHashOfItsNormalisedAddress_andOneWithoutAddressByNothing() {
        // GIVEN a complaint from an address in capitals, and one without an address
        var base = complaint(ComplaintState.RECEIVED, NOW.plusSeconds(86_400));
        var capitals = withEmail(base, ComplaintId.generate(), " Erika.Muster@Example.NET ");
        var none = withEmail(base, ComplaintId.generate(), "");

        // WHEN both are stored
        complaints.add(capitals);
        complaints.add(none);

        // THEN the first carries the hash the erasure looks for, the other no key of the complainant index at all
        assertThat(item(capitals.key()))
                .containsEntry(
                        "complainantHash",
                        AttributeValue.fromS(
                                AddressHash.of("erika.muster@example.net").value()));
        assertThat(item(none.key())).doesNotContainKey("complainantHash");
    }

    @Test
    void add_ofAnExistingKey_failsAndKeepsTheFirst() {
        var complaint = complaint(ComplaintState.RECEIVED, NOW.plusSeconds(86_400));
        complaints.add(complaint);

        var second = new Complaint(
                complaint.key(),
                Channel.MAIL,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                NOW,
                complaint.complainant(),
                "other text",
                Attribution.NONE,
                complaint.expiresAt());

        assertThatThrownBy(() -> complaints.add(second)).isInstanceOf(DuplicateComplaintException.class);
        assertThat(complaints.find(complaint.key(), NOW).orElseThrow().message())
                .isEqualTo("spam");
    }

    @Test
    void find_ignoresAnItemWhoseDataExpired_evenBeforeTtlDeletesIt() {
        var complaint = complaint(ComplaintState.RECEIVED, NOW.minusSeconds(1));
        complaints.add(complaint);

        assertThat(complaints.find(complaint.key(), NOW)).isEmpty();
        assertThat(dynamoDb.getItem(r -> r.tableName(table).key(DynamoDbComplaints.key(complaint.key())))
                        .hasItem())
                .isTrue();
    }

    @Test
    void advance_movesOnlyFromTheExpectedState() {
        var complaint = complaint(ComplaintState.RECEIVED, NOW.plusSeconds(86_400));
        complaints.add(complaint);

        assertThat(complaints.advance(complaint.key(), ComplaintState.RECEIVED, ComplaintState.NOTIFIED))
                .isTrue();
        assertThat(complaints.advance(complaint.key(), ComplaintState.RECEIVED, ComplaintState.NOTIFIED))
                .isFalse();
        assertThat(complaints.find(complaint.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
    }

    @Test
    void advance_ofAMissingComplaint_isFalseAndCreatesNothing() {
        var key = new ComplaintKey(new MailingId("404"), ComplaintId.generate());

        assertThat(complaints.advance(key, ComplaintState.RECEIVED, ComplaintState.NOTIFIED))
                .isFalse();
        assertThat(dynamoDb.getItem(r -> r.tableName(table).key(DynamoDbComplaints.key(key)))
                        .hasItem())
                .isFalse();
    }

    private Map<String, AttributeValue> item(ComplaintKey key) {
        return dynamoDb.getItem(r -> r.tableName(table).key(DynamoDbComplaints.key(key)))
                .item();
    }

    private static Complaint withEmail(Complaint complaint, ComplaintId id, String email) {
        var complainant = complaint.complainant();
        return new Complaint(
                new ComplaintKey(complaint.mailingId(), id),
                complaint.channel(),
                complaint.classification(),
                complaint.state(),
                complaint.receivedAt(),
                new Complainant(email, complainant.name(), complainant.salutation(), complainant.language()),
                complaint.message(),
                complaint.attribution(),
                complaint.expiresAt());
    }

    private static Complaint complaint(ComplaintState state, Instant expiresAt) {
        return new Complaint(
                new ComplaintKey(new MailingId("14141611"), ComplaintId.generate()),
                Channel.FORM,
                Classification.COMPLAINT,
                state,
                NOW,
                new Complainant("a@example.net", Optional.of("Erika Muster"), Salutation.FRAU, Language.DE),
                "spam",
                Attribution.NONE,
                expiresAt);
    }

    @Test
    void rehearseAdd_sendsTheWrite_whichDynamoDbRefuses_whetherTheKeyIsTakenOrNot() {
        // GIVEN a stored complaint, and the adapter on a client whose requests are counted
        var stored = complaint(ComplaintState.RECEIVED, NOW.plusSeconds(86_400));
        complaints.add(stored);
        var calls = new FaultInjector();
        var environment = new Environment(Map.of(
                "AWS_REGION",
                stack.aws().region().id(),
                "AWS_ENDPOINT_URL",
                stack.aws().uri().toString()));
        var rehearsing = new DynamoDbComplaints(new AwsClients(environment, List.of(calls)).dynamoDb(), table);
        var sameKey = new Complaint(
                stored.key(),
                Channel.MAIL,
                Classification.BOUNCE,
                ComplaintState.NOTIFIED,
                NOW,
                stored.complainant(),
                "other text",
                Attribution.NONE,
                stored.expiresAt());
        var newKey = complaint(ComplaintState.RECEIVED, NOW.plusSeconds(86_400));

        // WHEN the write of each is rehearsed
        rehearsing.rehearseAdd(sameKey);
        rehearsing.rehearseAdd(newKey);

        // THEN both writes reached DynamoDB, which changed nothing
        assertThat(calls.calls("PutItem")).isEqualTo(2);
        assertThat(complaints.find(stored.key(), NOW)).contains(stored);
        assertThat(complaints.find(newKey.key(), NOW)).isEmpty();
    }

    @Test
    void add_ofAMailedComplaint_keepsItsProvenance_andReadsItBack() {
        // GIVEN a complaint that came by mail, with every part of its provenance filled
        var provenance = new MailProvenance(
                "0000014141611abcd",
                1,
                ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:Feedback-ID"),
                List.of(
                        new MailingIdCandidate("14141611", Optional.of("121070"), "header:X-Mailing", false),
                        new MailingIdCandidate("14141699", Optional.of("121070"), "header:Feedback-ID", true)),
                true,
                true,
                Optional.of("s3://inbound-bucket/inbound/0000014141611abcd"),
                List.of(new DkimCheck("mail.example.com", "s1", true, false)),
                Optional.empty(),
                new ReceiptVerdicts(Verdict.PASS, Verdict.FAIL, Verdict.GRAY, Verdict.PASS, Verdict.PROCESSING_FAILED),
                true);
        var base = complaint(ComplaintState.RECEIVED, NOW.plusSeconds(86_400));
        var complaint = new Complaint(
                base.key(),
                Channel.MAIL,
                Classification.BOUNCE,
                ComplaintState.RECEIVED,
                NOW,
                base.complainant(),
                "spam",
                new Attribution(Optional.of("121070"), false, Verification.SIGNED_BY_SENDER, Optional.of(provenance)),
                NOW.plusSeconds(86_400));

        // WHEN it is stored and read back
        complaints.add(complaint);

        // THEN it is the same complaint, and the item carries the provenance as one map
        assertThat(complaints.find(complaint.key(), NOW)).contains(complaint);
        var item = dynamoDb.getItem(r -> r.tableName(table).key(DynamoDbComplaints.key(complaint.key())))
                .item();
        assertThat(item.get("provenance").m().get("mailingIdSource"))
                .isEqualTo(AttributeValue.fromS("header:Feedback-ID"));
        assertThat(item.get("provenance").m().get("quarantined")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(item.get("classification")).isEqualTo(AttributeValue.fromS("BOUNCE"));
    }
}
