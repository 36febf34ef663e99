package org.abusedesk.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.processing.AbuseTeamNotifier;
import org.abusedesk.processing.ProcessComplaint;
import org.abusedesk.testkit.LambdaEvents;
import org.junit.jupiter.api.Test;

class ComplaintProcessorHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final ComplaintKey FIRST = ComplaintKey.of("14141611", "01KAYZ7W3J5D6Q0ZV8G5N4M2XQ");
    private static final ComplaintKey SECOND = ComplaintKey.of("14141612", "01KAYZ7W3J5D6Q0ZV8G5N4M2XR");

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final List<ComplaintKey> notified = new ArrayList<>();

    @Test
    void batch_notifiesEachComplaint_andReportsNoFailure() {
        var event = LambdaEvents.load("sqs/new-complaints.json", SQSEvent.class);
        store(FIRST);
        store(SECOND);

        var response = handler(c -> notified.add(c.key())).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(notified).containsExactly(FIRST, SECOND);
        assertThat(state(FIRST)).isEqualTo(ComplaintState.NOTIFIED);
        assertThat(state(SECOND)).isEqualTo(ComplaintState.NOTIFIED);
    }

    @Test
    void batch_deliveredTwice_notifiesOnce() {
        var event = LambdaEvents.load("sqs/new-complaints.json", SQSEvent.class);
        store(FIRST);
        store(SECOND);
        var handler = handler(c -> notified.add(c.key()));

        handler.handleRequest(event, null);
        var again = handler.handleRequest(event, null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(notified).containsExactly(FIRST, SECOND);
    }

    @Test
    void batch_whereOneNotificationFails_reportsExactlyThatMessage() {
        var event = LambdaEvents.load("sqs/new-complaints.json", SQSEvent.class);
        store(FIRST);
        store(SECOND);

        var response = handler(c -> {
                    if (c.key().equals(FIRST)) {
                        throw new IllegalStateException("Throttling: Maximum sending rate exceeded");
                    }
                    notified.add(c.key());
                })
                .handleRequest(event, null);

        assertThat(failedIds(response)).containsExactly("6f1e8a52-4d0a-4c8e-9a57-0b9c2a3c1d01");
        assertThat(notified).containsExactly(SECOND);
        assertThat(state(FIRST)).isEqualTo(ComplaintState.RECEIVED);
    }

    @Test
    void batch_withAPoisonMessage_reportsItAndProcessesTheRest() {
        var event = LambdaEvents.load("sqs/poison-message.json", SQSEvent.class);
        store(FIRST);

        var response = handler(c -> notified.add(c.key())).handleRequest(event, null);

        assertThat(failedIds(response)).containsExactly("0c1d2e3f-0000-4000-8000-00000000bad1");
        assertThat(notified).containsExactly(FIRST);
    }

    @Test
    void batch_withAMessageWithoutId_failsWhole_becauseNoFailureCouldNameIt() {
        var event = LambdaEvents.load("sqs/new-complaints.json", SQSEvent.class);
        event.getRecords().get(1).setMessageId(" ");

        assertThatThrownBy(() -> handler(c -> notified.add(c.key())).handleRequest(event, null))
                .hasMessage("SQS message without a message id");
    }

    @Test
    void batch_ofComplaintsThatNoLongerExist_acknowledgesThem() {
        var event = LambdaEvents.load("sqs/new-complaints.json", SQSEvent.class);
        var response = handler(c -> notified.add(c.key())).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(notified).isEmpty();
    }

    private ComplaintProcessorHandler handler(AbuseTeamNotifier notifier) {
        return new ComplaintProcessorHandler(
                new ProcessComplaint(complaints, notifier, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private void store(ComplaintKey key) {
        complaints.add(new Complaint(
                key,
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                NOW,
                new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                Attribution.NONE,
                NOW.plusSeconds(86_400)));
    }

    private ComplaintState state(ComplaintKey key) {
        return complaints.find(key, NOW).orElseThrow().state();
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }
}
