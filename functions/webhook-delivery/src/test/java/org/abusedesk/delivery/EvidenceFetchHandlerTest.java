package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.cases.FetchOptInEvidence;
import org.abusedesk.cases.InMemoryCases;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.evidence.EvidenceRequest;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.evidence.OptInEvidence.Answer;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;

class EvidenceFetchHandlerTest {

    private static final Instant NOW = CaseFixtures.NOW.plusSeconds(60);

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final Fakes.Queue queue = new Fakes.Queue();
    private final List<EvidenceRequest> asked = new ArrayList<>();
    private volatile Answer answer = Answer.of(OptInEvidence.Status.ENDPOINT_ERROR, "status 503");
    private final EvidenceFetchHandler handler = new EvidenceFetchHandler(
            new EvidenceWiring(
                    new FetchOptInEvidence(
                            cases,
                            cases,
                            request -> {
                                asked.add(request);
                                return answer;
                            },
                            false,
                            Clock.fixed(NOW, ZoneOffset.UTC)),
                    queue,
                    RetrySchedule.DEFAULT,
                    () -> {}),
            new RecordingCheckpoints());

    @Test
    void anUnansweredRequest_comesBackAfterItsBackoff_andAfterTheLastAttempt_atOnce_toTheDeadLetterQueue() {
        var complaint = counted();

        var first = handler.handleRequest(Fakes.event(Fakes.message("m1", counted(complaint), 1)), null);
        var third = handler.handleRequest(Fakes.event(Fakes.message("m1", counted(complaint), 3)), null);
        var last = handler.handleRequest(
                Fakes.event(Fakes.message("m1", counted(complaint), RetrySchedule.DEFAULT.attempts())), null);

        assertThat(List.of(first, third, last))
                .allSatisfy(response -> assertThat(response.getBatchItemFailures())
                        .singleElement()
                        .satisfies(failure ->
                                assertThat(failure.getItemIdentifier()).isEqualTo("m1")));
        assertThat(queue.retried)
                .extracting(r -> r.substring(r.indexOf(' ') + 1))
                .containsExactly(
                        Duration.ofMinutes(1).toString(), Duration.ofMinutes(4).toString(), Duration.ZERO.toString());
        var kept =
                cases.find(complaint.key(), NOW).orElseThrow().optInEvidence().orElseThrow();
        assertThat(kept.status()).isEqualTo(OptInEvidence.Status.ENDPOINT_ERROR);
        assertThat(kept.attempts()).isEqualTo(RetrySchedule.DEFAULT.attempts());
    }

    @Test
    void aSettledAnswer_isDoneWith_andAMessageThatNamesNoComplaint_isDropped_whileTheOthersOfItsBatchGoOn() {
        var complaint = counted();
        answer = Answer.of(OptInEvidence.Status.NO_RECORD, "status 404");

        var response = handler.handleRequest(
                Fakes.event(
                        Fakes.message("m1", counted(complaint), 1),
                        Fakes.message("m2", "not an event", 1),
                        Fakes.message("m3", Fakes.envelope("e-3", "ComplaintCounted", "{\"version\":1}"), 1)),
                null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(queue.retried).isEmpty();
        assertThat(asked).hasSize(1);
        assertThat(cases.find(complaint.key(), NOW)
                        .orElseThrow()
                        .optInEvidence()
                        .orElseThrow()
                        .status())
                .isEqualTo(OptInEvidence.Status.NO_RECORD);
    }

    private Complaint counted() {
        var complaint = CaseFixtures.form("14141611", CaseFixtures.NOW, ComplaintState.COUNTED, CaseFixtures.ERIKA);
        complaints.add(complaint);
        cases.attribute(complaint.key(), new AccountId("121070"));
        return complaint;
    }

    private static String counted(Complaint complaint) {
        return Fakes.envelope(
                "e-" + complaint.key().complaintId().value(),
                "ComplaintCounted",
                "{\"version\":1,\"mailingId\":\"" + complaint.key().mailingId().value() + "\",\"complaintId\":\""
                        + complaint.key().complaintId().value() + "\",\"accountId\":\"121070\"}");
    }
}
