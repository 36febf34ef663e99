package org.abusedesk.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.conversation.TellTeamOfReply;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.logging.CapturedLog;
import org.abusedesk.outgoing.NotificationComposer;
import org.abusedesk.outgoing.OutgoingMail;
import org.abusedesk.processing.InMemoryDesk;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.slf4j.MDC;

class ComplaintProcessorHandlerTest {

    // The keys the sample events in events/sqs carry.
    private static final ComplaintKey FIRST = ComplaintKey.of("14141611", "01KAYZ7W3J5D6Q0ZV8G5N4M2XQ");
    private static final ComplaintKey SECOND = ComplaintKey.of("14141612", "01KAYZ7W3J5D6Q0ZV8G5N4M2XR");
    private static final String FIRST_MESSAGE = "6f1e8a52-4d0a-4c8e-9a57-0b9c2a3c1d01";

    private final InMemoryDesk desk = new InMemoryDesk();
    private final ComplaintProcessorHandler handler = new ComplaintProcessorHandler(
            new ProcessorWiring(() -> desk.processComplaint, () -> desk.flush, () -> {}), new RecordingCheckpoints());

    @ParameterizedTest
    @Event(value = "sqs/new-complaints.json", type = SQSEvent.class)
    void batch_countsAndNotifiesEachComplaint_andReportsNoFailure(SQSEvent event) {
        store(FIRST);
        store(SECOND);

        var response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(desk.notifications)
                .extracting(n -> n.complaints().get(0).key())
                .containsExactly(FIRST, SECOND);
        assertThat(desk.state(FIRST)).isEqualTo(ComplaintState.NOTIFIED);
        assertThat(desk.state(SECOND)).isEqualTo(ComplaintState.NOTIFIED);
    }

    @Test
    void aReplyMessage_mailsTheTeamOnce_andCountsNothing() {
        // GIVEN a processor that knows the team's reply mail, and a case
        var teamMails = new CopyOnWriteArrayList<OutgoingMail>();
        var claims = new ConcurrentHashMap<String, Instant>();
        var withReplies = new ComplaintProcessorHandler(
                new ProcessorWiring(
                        () -> desk.processComplaint,
                        () -> desk.flush,
                        () -> {},
                        () -> Optional.of(new TellTeamOfReply(
                                (key, until) -> claims.putIfAbsent(key, until) == null,
                                new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com"),
                                teamMails::add))),
                new RecordingCheckpoints());
        store(FIRST);
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(FIRST_MESSAGE);
        message.setBody("{\"mailingId\":\"14141611\",\"complaintId\":\""
                + FIRST.complaintId().value() + "\",\"replyEntry\":\"01KBX0000000000000000000RP\"}");
        var event = new SQSEvent();
        event.setRecords(List.of(message, message));

        // WHEN the inbound function's message of a reply comes, twice
        var response = withReplies.handleRequest(event, null);

        // THEN the team has one mail, and the complaint was neither counted nor notified by it
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(teamMails).hasSize(1);
        assertThat(desk.state(FIRST)).isEqualTo(ComplaintState.RECEIVED);
        assertThat(desk.notifications).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "sqs/new-complaints.json", type = SQSEvent.class)
    void batch_deliveredTwice_countsAndNotifiesOnce(SQSEvent event) {
        store(FIRST);
        store(SECOND);

        handler.handleRequest(event, null);
        var again = handler.handleRequest(event, null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(desk.notifications).hasSize(2);
        assertThat(desk.mailings.complaints(FIRST.mailingId())).isEqualTo(1);
    }

    @ParameterizedTest
    @Event(value = "sqs/new-complaints.json", type = SQSEvent.class)
    void batch_whereOneNotificationFails_reportsExactlyThatMessage(SQSEvent event) {
        store(FIRST);
        store(SECOND);
        desk.notifier = n -> {
            if (n.complaints().get(0).key().equals(FIRST)) {
                throw new IllegalStateException("Throttling: Maximum sending rate exceeded");
            }
            desk.notifications.add(n);
        };

        var response = handler.handleRequest(event, null);

        assertThat(failedIds(response)).containsExactly(FIRST_MESSAGE);
        assertThat(desk.notifications)
                .extracting(n -> n.complaints().get(0).key())
                .containsExactly(SECOND);
        assertThat(desk.state(FIRST)).isEqualTo(ComplaintState.COUNTED);
    }

    @ParameterizedTest
    @Event(value = "sqs/new-complaints.json", type = SQSEvent.class)
    void eachMessagesLogLines_carryTheRequestIdAndItsOwnKey_andNothingOfTheComplainant(SQSEvent event) {
        store(FIRST);
        store(SECOND);
        desk.notifier = n -> {
            if (n.complaints().get(0).key().equals(FIRST)) {
                throw new IllegalStateException("Throttling: Maximum sending rate exceeded for a@example.net");
            }
        };

        try (var log = CapturedLog.start()) {
            handler.handleRequest(event, new InvocationContext("5a4b3c2d-processor"));

            assertThat(log.lines())
                    .extracting(
                            line -> line.get("log.level").asText(),
                            line -> line.get("requestId").asText(),
                            line -> line.get("mailingId").asText(),
                            line -> line.get("complaintId").asText())
                    .containsExactly(
                            tuple(
                                    "WARN",
                                    "5a4b3c2d-processor",
                                    "14141611",
                                    FIRST.complaintId().value()),
                            tuple(
                                    "INFO",
                                    "5a4b3c2d-processor",
                                    "14141612",
                                    SECOND.complaintId().value()));
            assertThat(log.text()).doesNotContain("a@example.net", "spam");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @ParameterizedTest
    @Event(value = "sqs/poison-message.json", type = SQSEvent.class)
    void batch_withAPoisonMessage_reportsItAndProcessesTheRest(SQSEvent event) {
        store(FIRST);

        var response = handler.handleRequest(event, null);

        assertThat(failedIds(response)).containsExactly("0c1d2e3f-0000-4000-8000-00000000bad1");
        assertThat(desk.state(FIRST)).isEqualTo(ComplaintState.NOTIFIED);
    }

    @ParameterizedTest
    @Event(value = "sqs/new-complaints.json", type = SQSEvent.class)
    void batch_withAMessageWithoutId_failsWhole_becauseNoFailureCouldNameIt(SQSEvent event) {
        event.getRecords().get(1).setMessageId(" ");

        assertThatThrownBy(() -> handler.handleRequest(event, null)).hasMessage("SQS message without a message id");
    }

    @ParameterizedTest
    @Event(value = "sqs/new-complaints.json", type = SQSEvent.class)
    void batch_ofComplaintsThatNoLongerExist_acknowledgesThem(SQSEvent event) {

        var response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(desk.notifications).isEmpty();
    }

    private void store(ComplaintKey key) {
        var now = desk.clock.instant();
        desk.complaints.add(new Complaint(
                key,
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                now,
                new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                Attribution.NONE,
                now.plus(Duration.ofDays(1))));
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }
}
