package org.abusedesk.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.junit.jupiter.api.Test;

class ProcessComplaintTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final List<Complaint> notified = new ArrayList<>();
    private final ProcessComplaint process =
            new ProcessComplaint(complaints, notified::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void process_notifiesTheAbuseTeamAndMarksTheComplaintNotified() {
        var complaint = stored(ComplaintState.RECEIVED, NOW.plusSeconds(3600));

        var outcome = process.process(complaint.key());

        assertThat(outcome).isEqualTo(ProcessingOutcome.NOTIFIED);
        assertThat(notified).containsExactly(complaint);
        assertThat(complaints.find(complaint.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
    }

    @Test
    void process_twice_notifiesOnce() {
        var complaint = stored(ComplaintState.RECEIVED, NOW.plusSeconds(3600));

        process.process(complaint.key());
        var second = process.process(complaint.key());

        assertThat(second).isEqualTo(ProcessingOutcome.ALREADY_DONE);
        assertThat(notified).hasSize(1);
    }

    @Test
    void process_ofAComplaintAlreadyPastReceived_doesNothing() {
        var complaint = stored(ComplaintState.RESOLVED, NOW.plusSeconds(3600));

        assertThat(process.process(complaint.key())).isEqualTo(ProcessingOutcome.ALREADY_DONE);
        assertThat(notified).isEmpty();
        assertThat(complaints.find(complaint.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.RESOLVED);
    }

    @Test
    void process_ofAnUnknownKey_isNotFound() {
        var key = new ComplaintKey(new MailingId("14141611"), ComplaintId.generate());

        assertThat(process.process(key)).isEqualTo(ProcessingOutcome.NOT_FOUND);
        assertThat(notified).isEmpty();
    }

    @Test
    void process_ofAnExpiredComplaint_isNotFound() {
        var complaint = stored(ComplaintState.RECEIVED, NOW.minusSeconds(1));

        assertThat(process.process(complaint.key())).isEqualTo(ProcessingOutcome.NOT_FOUND);
        assertThat(notified).isEmpty();
    }

    @Test
    void process_whenTheNotificationFails_leavesTheComplaintReceivedForTheRetry() {
        var complaint = stored(ComplaintState.RECEIVED, NOW.plusSeconds(3600));
        var failing = new ProcessComplaint(
                complaints,
                c -> {
                    throw new IllegalStateException("SES throttled");
                },
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> failing.process(complaint.key())).hasMessage("SES throttled");
        assertThat(complaints.find(complaint.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.RECEIVED);

        assertThat(process.process(complaint.key())).isEqualTo(ProcessingOutcome.NOTIFIED);
        assertThat(notified).containsExactly(complaint);
    }

    private Complaint stored(ComplaintState state, Instant expiresAt) {
        var complaint = new Complaint(
                new ComplaintKey(new MailingId("14141611"), ComplaintId.generate()),
                Channel.FORM,
                Classification.COMPLAINT,
                state,
                NOW.minusSeconds(10),
                new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                Attribution.NONE,
                expiresAt);
        complaints.add(complaint);
        return complaint;
    }
}
