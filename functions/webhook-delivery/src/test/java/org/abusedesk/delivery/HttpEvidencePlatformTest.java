package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.evidence.EvidenceRequest;
import org.abusedesk.evidence.OptInEvidence.Status;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.webhooks.WebhookHeaders;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evidence endpoint's fault matrix, against a real HTTP server on 127.0.0.1: every answer it can give, or fail
 * to give, becomes the status the case keeps, and none holds the function beyond its deadline.
 */
class HttpEvidencePlatformTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:secretsmanager:eu-central-1:000000000000:secret:desk/opt-in-evidence";
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final EvidenceRequest REQUEST = new EvidenceRequest(
            new AccountId("121070"),
            ComplaintKey.of("14141611", "01KB3V9X4E0ZQ6K8N2M5T7R1YH"),
            AddressHash.of("erika.muster@example.net"),
            Optional.empty());
    private static final String RECORD = "{\"version\":1,\"sourceType\":\"FORM\","
            + "\"source\":\"https://shop.example/newsletter\",\"optedInAt\":\"2026-03-01T10:00:00Z\","
            + "\"confirmedAt\":\"2026-03-01T10:05:00Z\",\"ip\":\"192.0.2.10\"}";

    private final WebhookSecret secret = WebhookSecret.generate();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<WebhookSignature.Verdict> verdicts = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRecord_isFound_fromASignedRequestThatNamesTheRecipientByHashOnly() throws Exception {
        var answer = platform("/record").ask(REQUEST);

        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.record().orElseThrow().source()).isEqualTo("https://shop.example/newsletter");
        assertThat(verdicts).containsExactly(WebhookSignature.Verdict.VALID);
        var body = JSON.readTree(bodies.get(0));
        assertThat(body.path("recipient").path("addressHash").asText())
                .isEqualTo(AddressHash.of("erika.muster@example.net").value());
        assertThat(body.path("recipient").has("address")).isFalse();
        assertThat(body.path("accountId").asText()).isEqualTo("121070");
        assertThat(body.path("mailingId").asText()).isEqualTo("14141611");
    }

    @Test
    void a404_isNoRecord_andA500_anEndpointError() throws Exception {
        assertThat(platform("/status/404").ask(REQUEST).status()).isEqualTo(Status.NO_RECORD);
        var error = platform("/status/500").ask(REQUEST);
        assertThat(error.status()).isEqualTo(Status.ENDPOINT_ERROR);
        assertThat(error.reason()).isEqualTo("status 500");
    }

    @Test
    void aRedirect_isNotFollowed_itIsAnEndpointError() throws Exception {
        var answer = platform("/redirect").ask(REQUEST);

        assertThat(answer.status()).isEqualTo(Status.ENDPOINT_ERROR);
        assertThat(answer.reason()).isEqualTo("status 302");
        assertThat(requested).containsExactly("/redirect");
    }

    @Test
    void anEndpointThatDoesNotAnswerInTime_isNoAnswer() throws Exception {
        var answer = platform("/sleep").ask(REQUEST);

        assertThat(answer.status()).isEqualTo(Status.NO_ANSWER);
        assertThat(answer.reason()).isEqualTo("no answer in time");
    }

    @Test
    void anEndpointThatTricklesItsAnswer_isNoAnswer_heldToTheDeadlineForTheWholeExchange() throws Exception {
        var answer = platform("/trickle").ask(REQUEST);

        assertThat(answer.status()).isEqualTo(Status.NO_ANSWER);
        assertThat(answer.reason()).isEqualTo("no answer in time");
    }

    @Test
    void anAnswerBeyondItsLimit_isMalformed_andNotReadToItsEnd() throws Exception {
        var answer = platform("/huge").ask(REQUEST);

        assertThat(answer.status()).isEqualTo(Status.MALFORMED);
        assertThat(answer.reason()).isEqualTo("answer longer than 65536 bytes");
    }

    @Test
    void anAnswerOutsideTheSchema_isMalformed_namingTheField() throws Exception {
        var answer = platform("/malformed").ask(REQUEST);

        assertThat(answer.status()).isEqualTo(Status.MALFORMED);
        assertThat(answer.reason()).isEqualTo("optedInAt is missing");
    }

    @Test
    void anEndpointThatIsDown_isNoAnswer() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var endpoint = new WebhookEndpoint(URI.create("http://127.0.0.1:" + closed + "/"), Set.of(), ARN);

        var answer =
                new HttpEvidencePlatform(endpoint, arn -> List.of(secret), Clock.systemUTC(), TIMEOUT).ask(REQUEST);

        assertThat(answer.status()).isEqualTo(Status.NO_ANSWER);
        assertThat(answer.reason()).isEqualTo("no connection");
    }

    @Test
    void withoutASecretToSignWith_nothingIsSent() throws Exception {
        var endpoint = new WebhookEndpoint(url("/record"), Set.of(), ARN);
        EndpointSecrets none = arn -> {
            throw new IllegalStateException("secret not found");
        };

        var answer = new HttpEvidencePlatform(endpoint, none, Clock.systemUTC(), TIMEOUT).ask(REQUEST);

        assertThat(answer.status()).isEqualTo(Status.ENDPOINT_ERROR);
        assertThat(answer.reason()).isEqualTo("no secret to sign with: secret not found");
        assertThat(requested).isEmpty();
    }

    private HttpEvidencePlatform platform(String path) {
        return new HttpEvidencePlatform(
                new WebhookEndpoint(url(path), Set.of(), ARN), arn -> List.of(secret), Clock.systemUTC(), TIMEOUT);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            bodies.add(new String(body, StandardCharsets.UTF_8));
            verdicts.add(WebhookSignature.of(secret)
                    .verify(
                            WebhookHeaders.from(
                                    name -> exchange.getRequestHeaders().getFirst(name)),
                            body));
            switch (path) {
                case "/record" -> send(exchange, 200, RECORD.getBytes(StandardCharsets.UTF_8));
                case "/malformed" ->
                    send(exchange, 200, "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"crm\"}".getBytes());
                case "/huge" -> send(exchange, 200, new byte[1024 * 1024]);
                case "/redirect" -> {
                    exchange.getResponseHeaders().set("location", url("/record").toString());
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/sleep" -> {
                    pause(5_000);
                    exchange.sendResponseHeaders(200, -1);
                }
                case "/trickle" -> {
                    exchange.sendResponseHeaders(200, 0);
                    var out = exchange.getResponseBody();
                    for (int i = 0; i < 50; i++) {
                        out.write(' ');
                        out.flush();
                        pause(100);
                    }
                }
                default -> exchange.sendResponseHeaders(Integer.parseInt(path.substring("/status/".length())), -1);
            }
        } catch (IOException e) {
            // The desk stopped reading and closed the connection: what the trickle and the huge answer are for.
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
