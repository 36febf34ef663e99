package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verification;
import org.abusedesk.local.Stack;
import org.abusedesk.reconcile.ComplaintsByState.Entry;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class DynamoDbComplaintIndexesIT {

    /** Long before anything the other test stores: the state index's range ends here. */
    private static final Instant T = Instant.parse("2021-06-01T12:00:00Z");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbComplaints complaints;

    DynamoDbComplaintIndexesIT(Stack stack) {
        this.dynamoDb = stack.aws().dynamoDb();
        this.table = stack.ref("ComplaintsTable");
        this.complaints = new DynamoDbComplaints(dynamoDb, table);
    }

    @Test
    void anyFor_findsAMailedComplaintByItsReceiptId_andAFormComplaintIsNotInTheIndex() {
        // GIVEN a complaint from mail receipt-1 and one from the form
        var mailed = complaint(
                ComplaintId.generate(),
                ComplaintState.RECEIVED,
                Classification.COMPLAINT,
                Optional.of(provenance("receipt-1")));
        var form =
                complaint(ComplaintId.generate(), ComplaintState.RECEIVED, Classification.COMPLAINT, Optional.empty());
        complaints.add(mailed);
        complaints.add(form);

        // WHEN / THEN the receipt index knows receipt-1 and nothing else
        var indexes = new DynamoDbComplaintIndexes(dynamoDb, table);
        assertThat(indexes.anyFor("receipt-1")).isTrue();
        assertThat(indexes.anyFor("receipt-2")).isFalse();
        assertThat(item(mailed.key())).containsEntry("receiptId", AttributeValue.fromS("receipt-1"));
        assertThat(item(form.key())).doesNotContainKey("receiptId");
    }

    @Test
    void inStateBefore_givesEveryPageOfTheStatesComplaintsOlderThanTheBound_withTheirClassification() {
        // GIVEN complaints before T in two states and classifications, and one at T itself
        var first = add(T.minus(Duration.ofHours(3)), ComplaintState.RECEIVED, Classification.COMPLAINT);
        var bounce = add(T.minus(Duration.ofHours(2)), ComplaintState.RECEIVED, Classification.BOUNCE);
        var last = add(T.minus(Duration.ofMillis(1)), ComplaintState.RECEIVED, Classification.COMPLAINT);
        var counted = add(T.minus(Duration.ofHours(1)), ComplaintState.COUNTED, Classification.COMPLAINT);
        add(T, ComplaintState.RECEIVED, Classification.COMPLAINT);
        add(T.minus(Duration.ofHours(1)), ComplaintState.NOTIFIED, Classification.COMPLAINT);

        // WHEN the state index is read two items a page
        var indexes = new DynamoDbComplaintIndexes(dynamoDb, table, 2);
        var received = indexes.inStateBefore(ComplaintState.RECEIVED, T);
        var stillCounted = indexes.inStateBefore(ComplaintState.COUNTED, T);

        // THEN each state gives its complaints before T, oldest first
        assertThat(received)
                .extracting(Entry::key, Entry::classification)
                .containsExactly(
                        tuple(first, Classification.COMPLAINT),
                        tuple(bounce, Classification.BOUNCE),
                        tuple(last, Classification.COMPLAINT));
        assertThat(stillCounted).extracting(Entry::key).containsExactly(counted);
    }

    @Test
    void inStateBefore_followsAComplaintFromStateToState() {
        var key = add(T.minus(Duration.ofDays(30)), ComplaintState.RECEIVED, Classification.COMPLAINT);
        var indexes = new DynamoDbComplaintIndexes(dynamoDb, table);
        Instant bound = T.minus(Duration.ofDays(29));
        assertThat(indexes.inStateBefore(ComplaintState.RECEIVED, bound))
                .extracting(Entry::key)
                .containsExactly(key);

        complaints.advance(key, ComplaintState.RECEIVED, ComplaintState.COUNTED);

        assertThat(indexes.inStateBefore(ComplaintState.RECEIVED, bound)).isEmpty();
        assertThat(indexes.inStateBefore(ComplaintState.COUNTED, bound))
                .extracting(Entry::key)
                .containsExactly(key);
    }

    @Test
    void requeues_countOnTheComplaintUpToTheLimit_andNeverMakeAnItemForAComplaintThatIsGone() {
        // GIVEN a stored complaint and the key of one that is not (expired or erased)
        var stored = add(Instant.now(), ComplaintState.RECEIVED, Classification.COMPLAINT);
        var gone = new ComplaintKey(new MailingId("14141611"), ComplaintId.generate());
        var requeues = new DynamoDbRequeues(dynamoDb, table);

        // WHEN re-queues are taken with a limit of two
        var taken = List.of(requeues.take(stored, 2), requeues.take(stored, 2), requeues.take(stored, 2));

        // THEN two are granted and counted on the item, and the missing complaint gets none and no item
        assertThat(taken).containsExactly(true, true, false);
        assertThat(item(stored)).containsEntry("requeues", AttributeValue.fromN("2"));
        assertThat(requeues.take(gone, 2)).isFalse();
        assertThat(item(gone)).isEmpty();
    }

    private ComplaintKey add(Instant at, ComplaintState state, Classification classification) {
        var complaint = complaint(
                new ComplaintId(UlidCreator.getUlid(at.toEpochMilli()).toString()),
                state,
                classification,
                Optional.empty());
        complaints.add(complaint);
        return complaint.key();
    }

    private java.util.Map<String, AttributeValue> item(ComplaintKey key) {
        return dynamoDb.getItem(r -> r.tableName(table).key(DynamoDbComplaints.key(key)))
                .item();
    }

    private static Complaint complaint(
            ComplaintId id, ComplaintState state, Classification classification, Optional<MailProvenance> provenance) {
        return new Complaint(
                new ComplaintKey(new MailingId("14141611"), id),
                provenance.isPresent() ? Channel.MAIL : Channel.FORM,
                classification,
                state,
                Instant.now(),
                new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.EN),
                "spam",
                new Attribution(Optional.empty(), false, Verification.NOT_SIGNED, provenance),
                Instant.now().plus(Duration.ofDays(180)));
    }

    private static MailProvenance provenance(String receiptId) {
        return new MailProvenance(
                receiptId,
                0,
                ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:X-Mailing"),
                List.of(),
                false,
                false,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                ReceiptVerdicts.UNKNOWN,
                false);
    }
}
