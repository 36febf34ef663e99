package org.abusedesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code abuse-desk webhooks}: the webhooks the desk sends, signed as Standard Webhooks sign them. */
@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        description = "Webhooks, signed as Standard Webhooks sign them (docs/events.md).",
        subcommands = {WebhooksCommand.Test.class})
final class WebhooksCommand {

    /** {@code webhooks test URL}: one signed test event, to see that a receiver accepts the desk's signatures. */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "POSTs one signed test event {\"type\":\"webhook.test\",\"version\":1,\"id\",\"at\"} to URL with the"
                        + " webhook-id, webhook-timestamp and webhook-signature headers, and prints the HTTP status"
                        + " and the webhook-id.",
                "Without a secret it generates one and prints it, to configure the receiver with.",
                "Exit 0 when the receiver answers 2xx, 1 otherwise."
            })
    static final class Test implements Callable<Integer> {

        static final String TYPE = "webhook.test";

        /** Far more than any secret's line; what is longer is no secret. */
        private static final int MAX_SECRET_FILE_BYTES = 4096;

        /** Within the 15 to 30 seconds the specification recommends a sender to wait. */
        private static final Duration TIMEOUT = Duration.ofSeconds(15);

        private static final ObjectMapper JSON = new ObjectMapper();

        @Parameters(paramLabel = "URL", description = "The receiver, http:// or https://.")
        URI url;

        @Option(
                names = "--secret",
                paramLabel = "whsec_…",
                description = "The receiver's signing secret. Warning: every user of this machine sees it in the"
                        + " process list (ps); prefer --secret-file.")
        String secret;

        @Option(
                names = "--secret-file",
                paramLabel = "PATH",
                description = "Read the signing secret from this file, which only you may read and write (mode 0600"
                        + " or stricter).")
        Path secretFile;

        @Spec
        CommandSpec spec;

        /** Where the time comes from: the system's, or a test's. */
        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                return send(out, err);
            } finally {
                out.flush();
                err.flush();
            }
        }

        private int send(PrintWriter out, PrintWriter err) {
            var printed = new LinkedHashMap<String, String>();
            WebhookSecret signing;
            try {
                checkUrl();
                signing = givenSecret();
            } catch (IllegalStateException | IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
            if (signing == null) {
                signing = WebhookSecret.generate();
                printed.put("secret", signing.written() + "  (generated: configure the receiver with it)");
            }
            String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
            Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            byte[] body = event(id, at);
            var headers = WebhookSignature.of(signing).sign(id, at, body);
            var request = HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.asMap().forEach(request::header);
            printed.put("webhook-id", id);
            // A redirect is a failure, as the specification has it: the receiver's URL is to be fixed instead.
            try (var http = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()) {
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                var lines = new LinkedHashMap<String, String>();
                lines.put("status", Integer.toString(status));
                lines.putAll(printed);
                Output.fields(out, lines);
                return status >= 200 && status < 300 ? 0 : 1;
            } catch (IOException e) {
                Output.fields(out, printed);
                err.println("cannot send to " + url + ": " + describe(e));
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Output.fields(out, printed);
                err.println("interrupted before " + url + " answered");
                return 1;
            }
        }

        private void checkUrl() {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException("URL must be an http:// or https:// URL, not " + url);
            }
        }

        /** The secret of whichever option was given, or null when neither was. */
        private WebhookSecret givenSecret() {
            if (secret != null && secretFile != null) {
                throw new IllegalStateException("give the secret one way only: --secret or --secret-file");
            }
            if (secretFile != null) {
                OwnerOnlyFile.check(secretFile, "--secret-file", "pass the secret with --secret");
                return WebhookSecret.parse(readSecretFile());
            }
            return secret == null ? null : WebhookSecret.parse(secret);
        }

        private String readSecretFile() {
            try (InputStream in = Files.newInputStream(secretFile)) {
                byte[] read = in.readNBytes(MAX_SECRET_FILE_BYTES + 1);
                if (read.length > MAX_SECRET_FILE_BYTES) {
                    throw new IllegalStateException("--secret-file " + secretFile + " holds more than "
                            + MAX_SECRET_FILE_BYTES + " bytes, which is no secret");
                }
                return new String(read, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read --secret-file " + secretFile + ": " + e.getMessage());
            }
        }

        static byte[] event(String id, Instant at) {
            var event = JSON.createObjectNode();
            event.put("type", TYPE);
            event.put("version", 1);
            event.put("id", id);
            event.put("at", at.toString());
            try {
                return JSON.writeValueAsBytes(event);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String describe(IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
