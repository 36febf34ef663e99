package org.abusedesk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Outbox;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class ComplaintProcessorHandlerIT {

    @Test
    void batch_notifiesTheAbuseTeamThroughSes_once(Stack stack) {
        // GIVEN a stored complaint and the handler wired from template.yaml's environment
        var complaints = new DynamoDbComplaints(stack.aws().dynamoDb(), stack.ref("ComplaintsTable"));
        var key = new ComplaintKey(new MailingId("14141611"), ComplaintId.generate());
        complaints.add(new Complaint(
                key,
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                Instant.now(),
                new Complainant("a@example.net", Optional.of("Erika Muster"), Salutation.FRAU, Language.DE),
                "Ich habe das nie bestellt.",
                Attribution.NONE,
                Instant.now().plusSeconds(86_400)));
        var handler = new ComplaintProcessorHandler(
                ProcessorWiring.of(
                        new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction")))),
                new RecordingCheckpoints());
        var event = event(key);

        // WHEN the queue delivers its key twice
        var first = handler.handleRequest(event, null);
        var second = handler.handleRequest(event, null);

        // THEN the abuse team got exactly one mail naming the mailing, and the complaint is NOTIFIED
        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        var mails = new Outbox(stack.aws().uri())
                .mails().stream()
                        .filter(m -> m.to().contains(stack.parameter("AbuseTeamAddress")))
                        .filter(m -> m.text().contains(key.complaintId().value()))
                        .toList();
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly(stack.parameter("AbuseTeamAddress"));
            assertThat(mail.from()).isEqualTo(stack.parameter("SenderAddress"));
            assertThat(mail.subject()).contains("14141611");
            assertThat(mail.text()).contains("Frau Erika Muster <a@example.net>", "Ich habe das nie bestellt.");
        });
        assertThat(complaints.find(key, Instant.now()).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
    }

    private static SQSEvent event(ComplaintKey key) {
        var event = EventLoader.loadSQSEvent("sqs/new-complaints.json");
        var message = event.getRecords().get(0);
        message.setBody("{\"mailingId\": \"" + key.mailingId() + "\", \"complaintId\": \"" + key.complaintId() + "\"}");
        event.setRecords(List.of(message));
        return event;
    }
}
