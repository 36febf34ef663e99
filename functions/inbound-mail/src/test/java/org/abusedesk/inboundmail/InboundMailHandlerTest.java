package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.FailedMails;
import org.abusedesk.inbound.Fixtures;
import org.abusedesk.inbound.InMemoryRawMails;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.RawMails;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.logging.CapturedLog;
import org.abusedesk.metrics.Measurement.ComplaintReceived;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class InboundMailHandlerTest {

    private static final String MESSAGE_ID = "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1";

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryRawMails rawMails = new InMemoryRawMails();
    private final RecordingDeskMetrics metrics = new RecordingDeskMetrics();
    private final List<FailedMails.FailedMail> failedMails = new CopyOnWriteArrayList<>();
    private final InboundMailHandler handler = new InboundMailHandler(
            new InboundMailWiring(
                    new ReceiveMail(
                            rawMails,
                            new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none()),
                            complaints,
                            metrics,
                            InboundLimits.DEFAULT,
                            Duration.ofDays(180)),
                    failedMails::add,
                    () -> {
                        throw new UnsupportedOperationException("the inbound function reconciles nothing");
                    },
                    () -> {}),
            new RecordingCheckpoints());

    @Test
    void sesEvent_storesTheComplaintOfTheMailItNames_andLetsSesContinue() throws IOException {
        // GIVEN the mail SES stored under the event's message id
        rawMails.put(MESSAGE_ID, attachedComplaint());

        // WHEN SES's event comes in
        String output = handle(event());

        // THEN one complaint is stored under the attached message's Mailing ID, with the event's verdicts
        assertThat(output).isEqualTo("{\"disposition\":\"CONTINUE\"}");
        assertThat(complaints.all()).singleElement().satisfies(c -> {
            assertThat(c.mailingId().value()).isEqualTo("14141611");
            assertThat(c.channel()).isEqualTo(Channel.MAIL);
            assertThat(c.receivedAt()).isEqualTo(Instant.parse("2026-11-03T09:15:00Z"));
            assertThat(c.attribution().claimedAccountId()).contains("121070");
            var provenance = c.attribution().provenance().orElseThrow();
            assertThat(provenance.receiptId()).isEqualTo(MESSAGE_ID);
            assertThat(provenance.verdicts())
                    .isEqualTo(
                            new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS));
        });
    }

    @Test
    void retriedEvent_storesNothingTwice_andCountsTheComplaintOnce() throws IOException {
        rawMails.put(MESSAGE_ID, attachedComplaint());

        handle(event());
        handle(event());

        assertThat(complaints.all()).hasSize(1);
        assertThat(metrics.measurements())
                .containsExactly(new ComplaintReceived(Channel.MAIL, Classification.COMPLAINT, false));
    }

    @Test
    void eventOfAMailThatIsNotStored_fails_soThatLambdaRetriesIt_andIsRecordedByItsReceiptIdOnly() {
        assertThatThrownBy(() -> handle(event()))
                .isInstanceOf(InboundMailHandler.MailNotTakenInException.class)
                .hasMessage("mail " + MESSAGE_ID + " not taken in: " + RawMails.MailNotFoundException.class.getName());
        assertThat(complaints.all()).isEmpty();
        assertThat(failedMails).singleElement().satisfies(failed -> {
            assertThat(failed.receiptId()).isEqualTo(MESSAGE_ID);
            assertThat(failed.error()).isEqualTo(RawMails.MailNotFoundException.class.getName());
        });
    }

    @Test
    void aFailureQuotingTheMail_reachesTheRuntimeAsItsReceiptAndClassOnly() throws IOException {
        // GIVEN a stored mail whose complaint cannot be stored, by an error whose message quotes the complainant
        rawMails.put(MESSAGE_ID, attachedComplaint());
        complaints.failNextAdd(new IllegalStateException("refused item of Erika Mustermann <erika@example.org>"));

        // WHEN SES's event comes in, THEN what is thrown to the runtime (which logs it) has no message of the cause,
        // no cause, and the cause's frames
        assertThatThrownBy(() -> handle(event())).satisfies(thrown -> {
            assertThat(thrown).hasMessage("mail " + MESSAGE_ID + " not taken in: java.lang.IllegalStateException");
            assertThat(thrown.getCause()).isNull();
            assertThat(thrown.getSuppressed()).isEmpty();
            assertThat(thrown.getStackTrace()).isNotEmpty();
        });
        assertThat(failedMails)
                .singleElement()
                .extracting(FailedMails.FailedMail::error)
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void virusVerdictFail_storesTheComplaintQuarantined() throws IOException {
        rawMails.put(MESSAGE_ID, attachedComplaint());

        handle(event().replace("\"virusVerdict\": {\"status\": \"PASS\"}", "\"virusVerdict\": {\"status\": \"FAIL\"}"));

        assertThat(complaints.all())
                .singleElement()
                .satisfies(c -> assertThat(c.attribution().quarantined()).isTrue());
    }

    @Test
    void everyLogLine_carriesTheRequestIdAndTheComplaintsKey_andNothingOfTheComplainantOrTheMail() throws IOException {
        rawMails.put(MESSAGE_ID, attachedComplaint());

        try (var log = CapturedLog.start()) {
            handle(event(), new InvocationContext("8c0d1d2e-inbound"));

            var stored = complaints.all().get(0);
            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.get("requestId").asText()).isEqualTo("8c0d1d2e-inbound");
                assertThat(line.get("mailingId").asText()).isEqualTo("14141611");
                assertThat(line.get("complaintId").asText())
                        .isEqualTo(stored.id().value());
            });
            assertThat(log.text())
                    .doesNotContain("erika.muster@example.net", "Erika Muster", "See the attachment", "Kaufen!");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    private String handle(String event) throws IOException {
        return handle(event, null);
    }

    private String handle(String event, Context context) throws IOException {
        var out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String event() throws IOException {
        return Files.readString(ProjectRoot.find().resolve("events/ses/inbound-mail.json"));
    }

    static byte[] attachedComplaint() {
        return Fixtures.forwardedAsAttachment("X-Mailing: 14141611\r\nX-Client: 121070", "Kaufen!");
    }
}
