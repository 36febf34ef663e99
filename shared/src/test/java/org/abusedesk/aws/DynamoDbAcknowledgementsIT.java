package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.local.Stack;
import org.abusedesk.metrics.Measurement.AcknowledgementSkipped;
import org.abusedesk.metrics.Measurement.AcknowledgementSkipped.Reason;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.processing.AcknowledgeComplainant;
import org.abusedesk.processing.Acknowledgements.Outcome;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Acknowledgement limits against the moto server: per case, per normalised address, and the desk's daily budget. */
@ExtendWith(MotoExtension.class)
class DynamoDbAcknowledgementsIT {

    private final DynamoDbClient dynamoDb;
    private final String complaintsTable;
    private final String limitsTable;
    private final DynamoDbComplaints complaints;

    /** A day of its own per test: the counters are per UTC day and the tables outlive one test. */
    private final Instant now = Instant.parse("2030-01-01T10:00:00Z")
            .plus(ThreadLocalRandom.current().nextInt(100_000), ChronoUnit.DAYS);

    DynamoDbAcknowledgementsIT(Stack stack) {
        this.dynamoDb = stack.aws().dynamoDb();
        this.complaintsTable = stack.ref("ComplaintsTable");
        this.limitsTable = stack.ref("LimitsTable");
        this.complaints = new DynamoDbComplaints(dynamoDb, complaintsTable);
    }

    @Test
    void oneAddressWrittenThreeWays_sharesOneLimit_keyedByAHashNotTheAddress() {
        var acknowledgements = new DynamoDbAcknowledgements(dynamoDb, complaintsTable, limitsTable, 2, 500);

        assertThat(acknowledgements.record(stored("Victim+1@Example.org"), now)).isEqualTo(Outcome.RECORDED);
        assertThat(acknowledgements.record(stored("victim+2@example.org"), now)).isEqualTo(Outcome.RECORDED);
        assertThat(acknowledgements.record(stored("VICTIM@example.org"), now)).isEqualTo(Outcome.ADDRESS_LIMIT);
        assertThat(acknowledgements.record(stored("other@example.org"), now)).isEqualTo(Outcome.RECORDED);

        var keys = new ArrayList<String>();
        dynamoDb.scanPaginator(r -> r.tableName(limitsTable))
                .items()
                .forEach(item -> keys.add(item.get("limitKey").s()));
        assertThat(keys).noneMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("victim"));
        assertThat(item("ack#"
                        + org.abusedesk.processing.AcknowledgementAddress.limitHash("victim@example.org")
                                .value() + "#" + now.toString().substring(0, 10)))
                .containsEntry("used", AttributeValue.fromN("2"));
    }

    @Test
    void aCaseAcknowledgedBefore_isNotAgain_andSpendsNoShare() {
        var acknowledgements = new DynamoDbAcknowledgements(dynamoDb, complaintsTable, limitsTable, 3, 500);
        var complaint = stored("erika@example.net");

        assertThat(acknowledgements.record(complaint, now)).isEqualTo(Outcome.RECORDED);
        assertThat(acknowledgements.record(complaint, now)).isEqualTo(Outcome.ALREADY_ACKNOWLEDGED);
    }

    @Test
    void pastTheDailyBudget_acknowledgementsAreSkipped_andMeasuredAsBudget() {
        var metrics = new RecordingDeskMetrics();
        var sent = new ArrayList<Complaint>();
        var acknowledge = new AcknowledgeComplainant(
                new DynamoDbAcknowledgements(dynamoDb, complaintsTable, limitsTable, 3, 3), sent::add, metrics);

        var results = new ArrayList<Boolean>();
        for (int i = 1; i <= 5; i++) {
            results.add(acknowledge.acknowledge(stored("person" + i + "@example.org"), now));
        }

        assertThat(results).containsExactly(true, true, true, false, false);
        assertThat(sent).hasSize(3);
        assertThat(metrics.measurements())
                .containsExactly(
                        new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT),
                        new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT),
                        new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT),
                        new AcknowledgementSkipped(Reason.BUDGET),
                        new AcknowledgementSkipped(Reason.BUDGET));
        assertThat(item("ack-budget#" + now.toString().substring(0, 10)))
                .containsEntry("used", AttributeValue.fromN("3"));
        // the next UTC day has its budget again
        assertThat(acknowledge.acknowledge(stored("person6@example.org"), now.plus(1, ChronoUnit.DAYS)))
                .isTrue();
    }

    private Complaint stored(String email) {
        var complaint = CaseFixtures.form("14141611", now, ComplaintState.COUNTED, email);
        complaints.add(complaint);
        return complaint;
    }

    private Map<String, AttributeValue> item(String limitKey) {
        return dynamoDb.getItem(r -> r.tableName(limitsTable).key(Map.of("limitKey", AttributeValue.fromS(limitKey))))
                .item();
    }
}
