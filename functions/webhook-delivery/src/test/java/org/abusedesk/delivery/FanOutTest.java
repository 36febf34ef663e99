package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DETAIL = "{\"version\":1,\"accountId\":\"121070\",\"addressHash\":\"" + "ab".repeat(32)
            + "\",\"at\":\"2026-11-27T10:00:00Z\"}";

    private final Fakes.Queue queue = new Fakes.Queue();
    private final List<WebhookEndpoint> endpoints = List.of(
            Fakes.endpoint("https://all.example.org/"),
            Fakes.endpoint("https://closed.example.org/", "CaseClosed"),
            Fakes.endpoint("https://suppressions.example.org/", "SuppressionAdded", "CaseClosed"));
    private final WebhookFanOutHandler handler = new WebhookFanOutHandler(
            new DeliveryWiring(
                    endpoints,
                    new FanOut(endpoints, queue),
                    new DeliverAttempt(endpoints, arn -> List.of(), (u, h, b) -> 200, Clock.systemUTC()),
                    queue,
                    RetrySchedule.DEFAULT,
                    () -> {}),
            new RecordingCheckpoints());

    @Test
    void anEvent_becomesOneAttemptPerEndpointThatWantsItsType_underAnIdOfTheEventAndThePosition() throws Exception {
        var response = handler.handleRequest(
                Fakes.event(Fakes.message("m1", Fakes.envelope("e-1", "SuppressionAdded", DETAIL), 1)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(queue.enqueued)
                .extracting(Attempt::endpoint, Attempt::webhookId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "msg_e-1_0"),
                        org.assertj.core.groups.Tuple.tuple(2, "msg_e-1_2"));
        var body = JSON.readTree(queue.enqueued.get(0).payload());
        assertThat(body.path("type").asText()).isEqualTo("SuppressionAdded");
        assertThat(body.path("id").asText()).isEqualTo("e-1");
        assertThat(body.path("time").asText()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(body.get("data")).isEqualTo(JSON.readTree(DETAIL));
        assertThat(body.properties()).hasSize(4);
        assertThat(queue.enqueued.get(1).payload())
                .isEqualTo(queue.enqueued.get(0).payload());
    }

    @Test
    void theSameEventAgain_givesTheSameIdsAndBodies() {
        String envelope = Fakes.envelope("e-2", "CaseClosed", "{\"version\":1}");

        handler.handleRequest(Fakes.event(Fakes.message("m1", envelope, 1)), null);
        handler.handleRequest(Fakes.event(Fakes.message("m2", envelope, 1)), null);

        assertThat(queue.enqueued).hasSize(6);
        assertThat(queue.enqueued.subList(0, 3)).isEqualTo(queue.enqueued.subList(3, 6));
    }

    @Test
    void anEventNoEndpointWants_queuesNothing() {
        var response = handler.handleRequest(
                Fakes.event(Fakes.message("m1", Fakes.envelope("e-3", "ComplaintCounted", "{}"), 1)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(queue.enqueued).extracting(Attempt::endpoint).containsExactly(0);
    }

    @Test
    void aMessageThatIsNoEvent_orThatTheQueueRefuses_isReportedAlone() {
        var good = Fakes.message("good", Fakes.envelope("e-4", "CaseClosed", "{}"), 1);
        var bad = Fakes.message("bad", "{\"detail-type\":\"CaseClosed\"}", 1);

        var response = handler.handleRequest(Fakes.event(bad, good), null);

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("bad");
        assertThat(queue.enqueued).hasSize(3);

        queue.refuses = true;
        assertThat(handler.handleRequest(Fakes.event(good), null).getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("good");
    }
}
