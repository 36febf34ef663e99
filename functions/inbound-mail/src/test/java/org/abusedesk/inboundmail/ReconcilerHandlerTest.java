package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.InMemoryRawMails;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.reconcile.InMemoryComplaintIndexes;
import org.abusedesk.reconcile.InMemoryMailReads;
import org.abusedesk.reconcile.InMemoryRequeues;
import org.abusedesk.reconcile.Reconcile;
import org.abusedesk.reconcile.ReconcileWindows;
import org.abusedesk.reconcile.RecordingComplaintQueue;
import org.abusedesk.reconcile.StoredMails;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;

class ReconcilerHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-03T12:00:00Z");

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryRawMails rawMails = new InMemoryRawMails();
    private final InMemoryComplaintIndexes indexes = new InMemoryComplaintIndexes(complaints);
    private final ReconcilerHandler handler = handler(rawMails);

    @Test
    void scheduledEvent_reconciles_andAnswersWithTheCountsOnly() throws IOException {
        // GIVEN a mail stored an hour ago that gave no complaint
        rawMails.put("ses-lost", InboundMailHandlerTest.attachedComplaint(), NOW.minus(Duration.ofHours(1)));

        // WHEN the schedule's event comes
        String output = handle("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}");

        // THEN the mail's complaint is stored, and the answer counts what was done
        assertThat(complaints.all())
                .singleElement()
                .satisfies(c -> assertThat(c.mailingId().value()).isEqualTo("14141611"));
        assertThat(output)
                .isEqualTo("{\"mailsExamined\":1,\"mailsRedriven\":1,\"complaintsStored\":1,"
                        + "\"complaintsRequeued\":0,\"failures\":0}");
    }

    @Test
    void scheduledEvent_withNothingLost_changesNothing() throws IOException {
        String output = handle("{}");

        assertThat(output)
                .isEqualTo("{\"mailsExamined\":0,\"mailsRedriven\":0,\"complaintsStored\":0,"
                        + "\"complaintsRequeued\":0,\"failures\":0}");
        assertThat(complaints.all()).isEmpty();
    }

    @Test
    void scheduledEvent_whenAnItemFails_failsTheInvocation_soThatTheErrorsAlarmFires() {
        // GIVEN a reconciler whose listing of stored mail fails
        var failing = handler((from, to) -> {
            throw new IllegalStateException("listing failed");
        });

        // WHEN / THEN the invocation fails, naming how many items are left
        assertThatThrownBy(() -> failing.handleRequest(
                        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(),
                        null))
                .isInstanceOf(ReconcilerHandler.ReconcileFailedException.class)
                .hasMessage("1 item(s) failed and are left for the next run");
    }

    /** The handler over the fakes, listing stored mail from {@code storedMails}. */
    private ReconcilerHandler handler(StoredMails storedMails) {
        var receiveMail = new ReceiveMail(
                rawMails,
                new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none()),
                complaints,
                new RecordingDeskMetrics(),
                InboundLimits.DEFAULT,
                Duration.ofDays(180));
        var reconcile = new Reconcile(
                storedMails,
                indexes,
                receiveMail,
                indexes,
                new RecordingComplaintQueue(),
                new InMemoryRequeues(),
                new InMemoryMailReads(),
                new ReconcileWindows(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(72)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new ReconcilerHandler(
                new InboundMailWiring(
                        receiveMail,
                        mail -> {
                            throw new UnsupportedOperationException("the reconciler records no failed try");
                        },
                        () -> reconcile,
                        () -> {}),
                new RecordingCheckpoints());
    }

    private String handle(String event) throws IOException {
        var out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
