package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalOidc;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code abuse-desk login} against the local stand-in for the managed login: the code flow with PKCE through a
 * loopback redirect, the token kept with mode 0600, and the commands then act as the person: a writer's closing
 * records them, a reader's change is refused.
 */
@ExtendWith(MotoExtension.class)
class LoginIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStack local;

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void afterLogin_theCommandsActAsThePerson_aWritersClosingRecordsThem_aReadersChangeIsRefused(
            AwsEndpoint aws, ProjectRoot root, @TempDir Path temp) throws Exception {
        // GIVEN the local stack, and a complaint notified on a registered mailing
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "login" + UUID.randomUUID().toString().substring(0, 6),
                        MotoExtension.TEST_PARAMETERS));
        String setup = local.tokens().mint("setup", List.of("abuse-desk/write"), Duration.ofMinutes(10));
        String mailing = Long.toString(System.nanoTime() % 90_000_000L + 10_000_000L);
        LocalApi.send(
                http,
                local.apiUrl(),
                "PUT",
                "/admin/mailings/" + mailing,
                setup,
                "{\"accountId\":\"acc-login\",\"recipients\":1000,\"sentAt\":\"2026-12-01T09:00:00Z\"}");
        var posted = LocalApi.send(
                http,
                local.apiUrl(),
                "POST",
                "/complaints",
                null,
                "{\"mailingId\":\"" + mailing + "\",\"email\":\"e@example.net\",\"message\":\"Spam\"}");
        String complaint = JSON.readTree(posted.body()).path("reference").asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> JSON.readTree(LocalApi.send(
                                        http,
                                        local.apiUrl(),
                                        "GET",
                                        "/admin/complaints/" + mailing + "/" + complaint,
                                        setup,
                                        null)
                                .body())
                        .path("state")
                        .asText()
                        .equals("NOTIFIED"));

        // WHEN Anna logs in, her browser signing in on the page the command names
        Path annasLogin = temp.resolve("anna/login.json");
        assertThat(login("anna", annasLogin)).isZero();

        // THEN her token is kept for her alone, and her closing of the case records her, not a client
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(annasLogin)))
                .isEqualTo("rw-------");
        var resolved = cli(
                "complaints",
                "resolve",
                "--json",
                mailing,
                complaint,
                "--note",
                "sender warned",
                "--login-file",
                annasLogin.toString());
        assertThat(resolved.exit()).as(resolved.err()).isZero();
        var stored = JSON.readTree(LocalApi.send(
                        http, local.apiUrl(), "GET", "/admin/complaints/" + mailing + "/" + complaint, setup, null)
                .body());
        assertThat(stored.path("closure").path("by").asText()).isEqualTo("anna");
        assertThat(stored.path("closure").path("bySubject").asText()).isEqualTo(LocalOidc.WRITER.subject());

        // WHEN her access token has expired, THEN the next command renews it with the refresh token, and keeps it
        var kept = (ObjectNode) JSON.readTree(annasLogin.toFile());
        String expired = kept.path("accessToken").asText();
        kept.put("expiresAt", Instant.now().minusSeconds(60).toString());
        Files.writeString(annasLogin, JSON.writeValueAsString(kept));
        var renewed = cli("complaints", "list", "--mailing-id", mailing, "--login-file", annasLogin.toString());
        assertThat(renewed.exit()).as(renewed.err()).isZero();
        var now = JSON.readTree(annasLogin.toFile());
        assertThat(now.path("accessToken").asText()).isNotEqualTo(expired);
        assertThat(Instant.parse(now.path("expiresAt").asText())).isAfter(Instant.now());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(annasLogin)))
                .isEqualTo("rw-------");

        // WHEN Rolf, of the read group, logs in and tries to set an account's status
        Path rolfsLogin = temp.resolve("rolf/login.json");
        assertThat(login("rolf", rolfsLogin)).isZero();
        var listed = cli("complaints", "list", "--mailing-id", mailing, "--login-file", rolfsLogin.toString());
        var refused = cli(
                "accounts",
                "set-status",
                "acc-login",
                "PAUSED",
                "--reason",
                "no",
                "--login-file",
                rolfsLogin.toString());

        // THEN he may read, but the change is refused though his token carries the write scope
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(complaint);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("the token lacks the scope abuse-desk/write");

        // WHEN Anna logs out, THEN her sign-in is gone
        assertThat(cli("logout", "--login-file", annasLogin.toString()).exit()).isZero();
        assertThat(annasLogin).doesNotExist();
    }

    /** Runs `abuse-desk login`, a browser following the sign-in it names as this local person. */
    private int login(String person, Path file) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new LoginCommand();
        command.opener = url -> new Thread(() -> browse(url, person)).start();
        var commandLine = new CommandLine(command);
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(
                "--sign-in-url", local.oidc().issuer(),
                "--client-id", LocalOidc.PEOPLE_CLI_CLIENT,
                "--port", Integer.toString(port),
                "--timeout", "30",
                "--login-file", file.toString());
    }

    /** What a browser does on the local sign-in page: sign in as the person, follow the redirect back. */
    private void browse(URI authorize, String person) {
        try {
            var page = http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Sign in as");
            var form = authorize.getRawQuery() + "&person=" + person;
            var approved = http.send(
                    HttpRequest.newBuilder(URI.create(local.oidc().issuer() + "/oauth2/authorize"))
                            .header("content-type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String callback = approved.headers().firstValue("location").orElseThrow();
            http.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exit, String out, String err) {}

    private Run cli(String... args) {
        var words = new ArrayList<>(List.of(args));
        if (!args[0].equals("logout")) {
            words.add("--api-url");
            words.add(local.apiUrl().toString());
        }
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = new CommandLine(new AbuseDesk());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(words.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
