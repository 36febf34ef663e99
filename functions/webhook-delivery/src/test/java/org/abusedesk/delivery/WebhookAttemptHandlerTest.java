package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.abusedesk.webhooks.WebhookHeaders;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;
import org.junit.jupiter.api.Test;

class WebhookAttemptHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

    private final WebhookSecret current = WebhookSecret.generate();
    private final WebhookSecret previous = WebhookSecret.generate();
    private final List<WebhookEndpoint> endpoints =
            List.of(Fakes.endpoint("https://a.example.org/hooks"), Fakes.endpoint("https://b.example.org/hooks"));
    private final Fakes.Queue queue = new Fakes.Queue();
    private final List<Fakes.Post> posts = new CopyOnWriteArrayList<>();
    /** What each host answers: a status, or an exception to throw. */
    private final Map<String, Object> answers =
            new ConcurrentHashMap<>(Map.of("a.example.org", 204, "b.example.org", 200));

    private final WebhookAttemptHandler handler = new WebhookAttemptHandler(
            new DeliveryWiring(
                    endpoints,
                    new FanOut(endpoints, queue),
                    new DeliverAttempt(
                            endpoints,
                            arn -> arn.endsWith("a.example.org") ? List.of(current, previous) : List.of(current),
                            this::post,
                            Clock.fixed(NOW, ZoneOffset.UTC)),
                    queue,
                    RetrySchedule.DEFAULT,
                    () -> {}),
            new RecordingCheckpoints());

    private int post(URI url, Map<String, String> headers, byte[] body) throws IOException {
        posts.add(new Fakes.Post(url, headers, body));
        Object answer = answers.get(url.getHost());
        if (answer instanceof IOException e) {
            throw e;
        }
        return (Integer) answer;
    }

    @Test
    void anAttempt_isPostedSignedWithEverySecretOfItsEndpoint_asItsReceiverVerifies() {
        var attempt = attempt(0, "e-1");

        var response = handler.handleRequest(Fakes.event(Fakes.message("m1", attempt.json(), 1)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(queue.retried).isEmpty();
        var post = posts.get(0);
        assertThat(post.url()).isEqualTo(URI.create("https://a.example.org/hooks"));
        assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo(attempt.payload());
        var headers = WebhookHeaders.from(post.headers()::get);
        assertThat(headers.id()).isEqualTo("msg_e-1_0");
        assertThat(headers.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(headers.signature().split(" ")).hasSize(2);
        var clock = Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC);
        for (var secret : List.of(current, previous)) {
            assertThat(new WebhookSignature(List.of(secret), WebhookSignature.DEFAULT_TOLERANCE, clock)
                            .verify(headers, post.body()))
                    .isEqualTo(WebhookSignature.Verdict.VALID);
        }
    }

    @Test
    void aFailedAttempt_comesBackAfterItsBackoff_byItsReceiveCount_andOnlyIt() {
        answers.put("b.example.org", 500);

        var response = handler.handleRequest(
                Fakes.event(
                        Fakes.message("m1", attempt(0, "e-2").json(), 1),
                        Fakes.message("m2", attempt(1, "e-2").json(), 4)),
                null);

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m2");
        assertThat(queue.retried).containsExactly("receipt-m2 PT8M");
    }

    @Test
    void theLastAttemptsFailure_sendsItToTheDeadLetterQueueAtOnce_withoutAnotherBackoff() {
        answers.put("b.example.org", 500);

        var response = handler.handleRequest(
                Fakes.event(Fakes.message("m1", attempt(1, "e-6").json(), RetrySchedule.DEFAULT.attempts())), null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(queue.retried).containsExactly("receipt-m1 PT0S");
    }

    @Test
    void aRedirect_aTimeout_andARefusedConnection_areFailures() {
        for (Object answer :
                List.of(301, 302, 400, 503, new HttpTimeoutException("timed out"), new ConnectException("refused"))) {
            queue.retried.clear();
            answers.put("b.example.org", answer);

            var response = handler.handleRequest(
                    Fakes.event(Fakes.message("m", attempt(1, "e-3").json(), 9)), null);

            assertThat(response.getBatchItemFailures()).as(answer.toString()).hasSize(1);
            assertThat(queue.retried).as(answer.toString()).containsExactly("receipt-m PT2H");
        }
    }

    @Test
    void anAttemptWhoseEndpointIsGoneOrMoved_isDropped_notRetried() {
        var moved = new Attempt(1, URI.create("https://old.example.org/"), "msg_e-4_1", "{}");
        var gone = new Attempt(7, URI.create("https://a.example.org/hooks"), "msg_e-4_7", "{}");

        var response = handler.handleRequest(
                Fakes.event(Fakes.message("m1", moved.json(), 1), Fakes.message("m2", gone.json(), 1)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(posts).isEmpty();
    }

    @Test
    void aSecretThatCannotBeRead_failsTheAttempt_toBeRetried() {
        var broken = new WebhookAttemptHandler(
                new DeliveryWiring(
                        endpoints,
                        new FanOut(endpoints, queue),
                        new DeliverAttempt(
                                endpoints,
                                arn -> {
                                    throw new IllegalStateException("cannot read the secret " + arn);
                                },
                                this::post,
                                Clock.systemUTC()),
                        queue,
                        RetrySchedule.DEFAULT,
                        () -> {}),
                new RecordingCheckpoints());

        var response = broken.handleRequest(
                Fakes.event(Fakes.message("m1", attempt(0, "e-5").json(), 2)), null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(queue.retried).containsExactly("receipt-m1 PT2M");
        assertThat(posts).isEmpty();
    }

    @Test
    void aMessageThatIsNoAttempt_isAFailure() {
        var response = handler.handleRequest(Fakes.event(Fakes.message("m1", "{\"endpoint\": 0}", 1)), null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
    }

    private Attempt attempt(int position, String eventId) {
        var event = BusEvent.parse(Fakes.envelope(eventId, "CaseClosed", "{\"version\":1}"));
        return Attempt.of(event, position, endpoints.get(position));
    }
}
