package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.abusedesk.webhooks.WebhookHeaders;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;
import org.abusedesk.webhooks.WebhookSignature.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code webhooks test} against a receiver on 127.0.0.1 that verifies each request as a receiver of the desk's
 * webhooks would: with {@link WebhookSignature} and the secret it was configured with, answering 204 when the
 * signature is valid and 401 when it is not.
 */
class WebhooksCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Pattern GENERATED = Pattern.compile("secret: +(whsec_[A-Za-z0-9+/=]+)");

    /** What the receiver got. */
    record Received(WebhookHeaders headers, String contentType, byte[] body, Verdict verdict) {}

    @TempDir
    Path dir;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile WebhookSecret receiverSecret = WebhookSecret.parse(SECRET);
    private HttpServer receiver;
    private String url;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = WebhookHeaders.from(exchange.getRequestHeaders()::getFirst);
            var verdict = WebhookSignature.of(receiverSecret).verify(headers, body);
            received.add(new Received(headers, exchange.getRequestHeaders().getFirst("Content-Type"), body, verdict));
            exchange.sendResponseHeaders(verdict == Verdict.VALID ? 204 : 401, -1);
            exchange.close();
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private static Cli.Result run(String... args) {
        return new Cli(null).run(args);
    }

    @Test
    void aGivenSecret_signsTheTestEvent_andTheReceiverVerifiesIt() throws IOException {
        var before = Instant.now().minusSeconds(1);

        var result = run("webhooks", "test", url, "--secret", SECRET);

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(received).hasSize(1);
        var got = received.get(0);
        assertThat(got.verdict()).isEqualTo(Verdict.VALID);
        assertThat(got.contentType()).isEqualTo("application/json");
        assertThat(result.out())
                .isEqualTo("status:     204\nwebhook-id: " + got.headers().id() + "\n");
        assertThat(got.headers().id()).matches("msg_[0-9a-f]{32}");
        assertThat(got.headers().signature()).matches("v1,[A-Za-z0-9+/]{43}=");
        var event = JSON.readTree(got.body());
        assertThat(event.properties()).extracting(e -> e.getKey()).containsExactly("type", "version", "id", "at");
        assertThat(event.get("type").asText()).isEqualTo("webhook.test");
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("id").asText()).isEqualTo(got.headers().id());
        var at = Instant.parse(event.get("at").asText());
        assertThat(at).isBetween(before, Instant.now());
        assertThat(got.headers().timestamp()).isEqualTo(Long.toString(at.getEpochSecond()));
    }

    @Test
    void withoutASecret_oneIsGeneratedAndPrinted_andWhatWasSentVerifiesWithIt() {
        receiverSecret = WebhookSecret.generate();

        var result = run("webhooks", "test", url);

        // The receiver did not know the new secret yet, so it refused; with the printed one the request verifies.
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("status:     401\n");
        var printed = GENERATED.matcher(result.out());
        assertThat(printed.find()).isTrue();
        var generated = WebhookSecret.parse(printed.group(1));
        assertThat(generated.key()).hasSize(32);
        var got = received.get(0);
        assertThat(WebhookSignature.of(generated).verify(got.headers(), got.body()))
                .isEqualTo(Verdict.VALID);
        assertThat(result.out()).contains("webhook-id: " + got.headers().id() + "\n");
    }

    @Test
    void aReceiverThatRefusesTheSignature_exits1WithItsStatus() {
        receiverSecret = WebhookSecret.generate();

        var result = run("webhooks", "test", url, "--secret", SECRET);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(received).singleElement().extracting(Received::verdict).isEqualTo(Verdict.MISMATCH);
        assertThat(result.out()).startsWith("status:     401\n");
    }

    @Test
    void aSecretFileOfTheOwnerAlone_isUsed() throws IOException {
        Path file = dir.resolve("secret");
        Files.writeString(file, SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        var result = run("webhooks", "test", url, "--secret-file", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(received).singleElement().extracting(Received::verdict).isEqualTo(Verdict.VALID);
        assertThat(result.out()).doesNotContain("whsec_");
    }

    @Test
    void aSecretFileOthersMayRead_isRefused_andNothingIsSent() throws IOException {
        Path file = dir.resolve("secret");
        Files.writeString(file, SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        var result = run("webhooks", "test", url, "--secret-file", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("--secret-file " + file + " has mode 0644, so others may read or change it: make it yours"
                        + " alone with `chmod 600 " + file + "`\n");
        assertThat(received).isEmpty();
    }

    @Test
    void aMissingSecretFile_isRefused() {
        Path missing = dir.resolve("missing");

        var result = run("webhooks", "test", url, "--secret-file", missing.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("--secret-file " + missing + " does not exist\n");
        assertThat(received).isEmpty();
    }

    @Test
    void aSecretWithoutThePrefix_isRefusedWithoutShowingIt_andNothingIsSent() {
        var result = run("webhooks", "test", url, "--secret", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("a webhook secret is written whsec_ and the base64 of its bytes\n");
        assertThat(received).isEmpty();
    }

    @Test
    void bothWaysOfGivingTheSecret_areRefused() throws IOException {
        Path file = dir.resolve("secret");
        Files.writeString(file, SECRET);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        var result = run("webhooks", "test", url, "--secret", SECRET, "--secret-file", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("give the secret one way only: --secret or --secret-file\n");
        assertThat(received).isEmpty();
    }

    @Test
    void aUrlThatIsNotHttp_isRefused() {
        var result = run("webhooks", "test", "ftp://127.0.0.1/hooks", "--secret", SECRET);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("URL must be an http:// or https:// URL, not ftp://127.0.0.1/hooks\n");
    }

    @Test
    void aReceiverThatIsNotThere_exits1() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        var result = run("webhooks", "test", "http://127.0.0.1:" + closed + "/hooks", "--secret", SECRET);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("cannot send to http://127.0.0.1:" + closed + "/hooks: ");
        assertThat(result.out()).startsWith("webhook-id: msg_");
    }

    @Test
    void theCommandIsListedWithItsOptions() {
        var help = run("webhooks", "test", "--help");

        assertThat(help.out())
                .contains("--secret=whsec_…")
                .contains("--secret-file=PATH")
                .contains("mode 0600");
        assertThat(run("--help").out()).contains("webhooks");
    }
}
