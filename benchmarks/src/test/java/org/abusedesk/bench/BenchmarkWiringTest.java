package org.abusedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.processing.InMemoryDesk;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** The benchmarks' setups do the work they claim to measure: one operation each, its result checked, no timing. */
class BenchmarkWiringTest {

    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void theFormBenchmarksHandler_acceptsAndStoresTheSubmission() {
        var complaints = new InMemoryComplaints();

        var response = FormSubmissionBenchmark.submitOne(complaints);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).contains("\"reference\"");
        assertThat(complaints.all()).singleElement().satisfies(complaint -> {
            assertThat(complaint.mailingId().value()).isEqualTo("14141611");
            assertThat(complaint.complainant().email()).isEqualTo("erika.muster1@example.net");
        });
    }

    @Test
    void theFormBenchmark_runsABatchOnAFreshDesk_storingEverySubmissionOnce() {
        var benchmark = new FormSubmissionBenchmark();
        benchmark.events();
        benchmark.freshDesk();

        benchmark.submit(BLACKHOLE);

        assertThat(benchmark.batchComplaints().all())
                .extracting(complaint -> complaint.complainant().email())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, FormSubmissionBenchmark.BATCH)
                        .mapToObj(i -> "erika.muster" + i + "@example.net")
                        .toList());
    }

    @Test
    void theFormBenchmark_renewsItsStoresBeforeEachBatch_soThatNoBatchIsLimitedOrAddsToTheLast() {
        var benchmark = new FormSubmissionBenchmark();
        benchmark.events();

        // More batches than the sources' limit lets one address send complaints
        for (int batch = 0; batch <= SourceLimit.DEFAULT.complaints(); batch++) {
            benchmark.freshDesk();
            benchmark.submit(BLACKHOLE);
        }

        assertThat(benchmark.batchComplaints().all()).hasSize(FormSubmissionBenchmark.BATCH);
    }

    @Test
    void theMailBenchmark_readsEveryFixtureOfEveryClass_findingAReportedMessageInEach() {
        for (String fixtureClass : FixtureMix.CLASSES) {
            var benchmark = new MailReadingBenchmark();
            benchmark.fixtureClass = fixtureClass;
            benchmark.setUp();
            assertThat(benchmark.size()).as(fixtureClass).isPositive();
            for (int i = 0; i < benchmark.size(); i++) {
                var reading = benchmark.read();
                assertThat(reading.reports()).as(fixtureClass).isNotEmpty();
            }
        }
    }

    @Test
    void theQueueBenchmarksHandler_processesTheMessage_andNotifiesTheAbuseTeam() {
        var desk = new InMemoryDesk();

        var response = QueueMessageBenchmark.processOne(desk);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(desk.complaints.all())
                .singleElement()
                .satisfies(complaint -> assertThat(complaint.state()).isEqualTo(ComplaintState.NOTIFIED));
        assertThat(desk.notifications).hasSize(1);
    }

    @Test
    void theQueueBenchmark_runsABatchOnAFreshDesk_notifyingAndAcknowledgingEveryComplaint() {
        var benchmark = new QueueMessageBenchmark();
        benchmark.freshDesk();

        benchmark.process(BLACKHOLE);

        var desk = benchmark.desk();
        assertThat(desk.complaints.all())
                .hasSize(QueueMessageBenchmark.BATCH)
                .allSatisfy(complaint -> assertThat(complaint.state()).isEqualTo(ComplaintState.NOTIFIED));
        assertThat(desk.acknowledged).hasSize(QueueMessageBenchmark.BATCH);
    }

    @Test
    void theParserMix_holdsEveryClass() {
        assertThat(FixtureMix.all()).containsOnlyKeys(FixtureMix.CLASSES);
        assertThat(FixtureMix.all().values())
                .allSatisfy(mails -> assertThat(mails).isNotEmpty());
    }
}
