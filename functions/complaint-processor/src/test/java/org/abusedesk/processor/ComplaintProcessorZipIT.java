package org.abusedesk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.local.Outbox;
import org.abusedesk.local.Stack;
import org.abusedesk.packaging.FunctionZip;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The zip that is deployed: small, and complete, its handlers running from its own classes and jars alone. */
@ExtendWith(MotoExtension.class)
class ComplaintProcessorZipIT {

    private static final FunctionZip ZIP = FunctionZip.of("complaint-processor");

    @Test
    void zip_staysWithin15MiB_andCarriesNoMailReading() {
        assertThat(ZIP.size()).isLessThanOrEqualTo(FunctionZip.MAX_BYTES);
        assertThat(ZIP.libraries())
                // secretsmanager: the key that signs the customer notices' reply addresses
                .contains("sesv2", "s3", "dynamodb", "apache-mime4j-dom", "jte-runtime", "secretsmanager")
                .doesNotContain("poi", "poi-scratchpad", "apache-jdkim-library", "dnsjava", "sqs");
    }

    @Test
    void handlersFromTheZip_notifyTheAbuseTeam_namingTheCaseAndHowToOpenIt_withNoLinkToTheRawMail(Stack stack)
            throws Exception {
        // GIVEN a mailed complaint whose raw mail lies in the bucket
        String evidence = "s3://" + stack.ref("InboundMailBucket") + "/inbound/ses-zip";
        var complaint = CaseFixtures.withEvidence(
                CaseFixtures.mailed(
                        "14141611", Instant.now(), ComplaintState.RECEIVED, CaseFixtures.ERIKA, "ses-zip", false),
                evidence);
        new DynamoDbComplaints(stack.aws().dynamoDb(), stack.ref("ComplaintsTable")).add(complaint);
        var processor = stack.function("ComplaintProcessorFunction");

        // WHEN the processor's handler is run from the zip (built, checkpointed, restored) and the queue delivers it
        var run = ZIP.run(processor.handlerClass(), stack.runtimeEnvironment(processor), event(complaint.key()));

        // THEN it primed, and mailed the abuse team once, naming how to open the case, with no link that opens the raw
        // mail
        assertThat(run.hooks()).as(run.log()).isEqualTo(1);
        assertThat(run.responses().get(0)).as(run.log()).isEqualTo("{\"batchItemFailures\":[]}");
        var mails = new Outbox(stack.aws().uri())
                .mails().stream()
                        .filter(m ->
                                m.text().contains(complaint.key().complaintId().value()))
                        .toList();
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly(stack.parameter("AbuseTeamAddress"));
            assertThat(mail.text())
                    .doesNotContain("X-Amz-Signature")
                    .contains("Open:         GET /admin/complaints/"
                            + complaint.key().mailingId().value() + "/"
                            + complaint.key().complaintId().value());
        });

        // WHEN the flush is run from the same zip
        var flush = stack.function("NotificationFlushFunction");
        var flushed = ZIP.run(flush.handlerClass(), stack.runtimeEnvironment(flush), "{}");

        // THEN it primed and ran
        assertThat(flushed.hooks()).as(flushed.log()).isEqualTo(1);
        assertThat(flushed.responses().get(0)).as(flushed.log()).startsWith("{\"mails\":");
    }

    /** The sample SQS event's first record, carrying the complaint's key, as the runtime would be sent it. */
    private static String event(ComplaintKey key) {
        var event = EventLoader.loadSQSEvent("sqs/new-complaints.json");
        var first = event.getRecords().get(0);
        first.setBody("{\"mailingId\": \"" + key.mailingId() + "\", \"complaintId\": \"" + key.complaintId() + "\"}");
        event.setRecords(List.of(first));
        var json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader())
                .toJson(event, json);
        return json.toString(StandardCharsets.UTF_8);
    }
}
