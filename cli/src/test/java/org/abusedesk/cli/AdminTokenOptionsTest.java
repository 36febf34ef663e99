package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ways to hand the command line a token besides --token, which the process list shows to everyone. */
class AdminTokenOptionsTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZWFtIn0.c2lnbmF0dXJl";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] response = "{\"mailingId\":\"m1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Cli.Result run(String standardInput, String... options) {
        var args = new java.util.ArrayList<>(List.of("mailings", "show", "--api-url", url()));
        args.addAll(List.of(options));
        args.add("m1");
        return new Cli(null, Map.of(), new ByteArrayInputStream(standardInput.getBytes(StandardCharsets.UTF_8)))
                .run(args.toArray(String[]::new));
    }

    private Path tokenFile(String mode, String content) throws IOException {
        Path file = Files.writeString(temp.resolve("token"), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void tokenStdin_sendsTheTokenReadFromStandardInput_withoutItsLineEnd() {
        var result = run(TOKEN + "\n", "--token-stdin");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void tokenStdin_withNothingOrMoreThanATokenOnIt_isRefused_andCallsNothing() {
        var empty = run("\n", "--token-stdin");
        var twoLines = run(TOKEN + "\nsomething else\n", "--token-stdin");

        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).isEqualTo("no token in standard input\n");
        assertThat(twoLines.exit()).isEqualTo(1);
        assertThat(twoLines.err())
                .isEqualTo("standard input holds more than one line or word; it must hold the token alone\n")
                .doesNotContain(TOKEN);
        assertThat(authorizations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------"})
    void tokenFile_ofTheOwnerAlone_sendsItsToken(String mode) throws IOException {
        var result = run("", "--token-file", tokenFile(mode, TOKEN + "\n").toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--:0644", "rw-r-----:0640", "rw----r--:0604", "rw--w----:0620", "rwx------:0700"})
    void tokenFile_thatOthersMayReadOrChange_isRefusedWithItsMode_andCallsNothing(String modeAndOctal)
            throws IOException {
        String[] parts = modeAndOctal.split(":");
        Path file = tokenFile(parts[0], TOKEN);

        var result = run("", "--token-file", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("--token-file " + file + " has mode " + parts[1]
                        + ", so others may read or change it: make it yours alone with `chmod 600 " + file + "`\n")
                .doesNotContain(TOKEN);
        assertThat(result.out()).isEmpty();
        assertThat(authorizations).isEmpty();
    }

    @Test
    void tokenFile_thatIsMissingOrEmpty_isRefused() throws IOException {
        Path missing = temp.resolve("missing");
        Path empty = tokenFile("rw-------", "");

        var noFile = run("", "--token-file", missing.toString());
        var noToken = run("", "--token-file", empty.toString());

        assertThat(noFile.exit()).isEqualTo(1);
        assertThat(noFile.err()).isEqualTo("--token-file " + missing + " does not exist\n");
        assertThat(noToken.exit()).isEqualTo(1);
        assertThat(noToken.err()).isEqualTo("no token in --token-file " + empty + "\n");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void twoWaysOfGivingTheToken_areRefused_asIsATokenWithDirect() throws IOException {
        Path file = tokenFile("rw-------", TOKEN);

        var twoWays = run(TOKEN, "--token-stdin", "--token-file", file.toString());
        var withToken = run(TOKEN, "--token", TOKEN, "--token-stdin");
        var direct = new Cli(null).run("mailings", "show", "--direct", "--token-file", file.toString(), "m1");

        assertThat(twoWays.exit()).isEqualTo(1);
        assertThat(twoWays.err()).isEqualTo("give the token one way only: --token, --token-stdin or --token-file\n");
        assertThat(withToken.err()).isEqualTo(twoWays.err());
        assertThat(direct.exit()).isEqualTo(1);
        assertThat(direct.err())
                .isEqualTo("--direct calls no URL and needs no token: leave out --api-url, --token, --token-stdin and"
                        + " --token-file\n");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void theHelpOfToken_warnsThatTheProcessListShowsIt_andNamesTheOtherWays() {
        var help = new Cli(null).run("mailings", "show", "--help");

        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text)
                .contains("--token=TOKEN")
                .contains("every user of this machine sees it in the process list (ps)")
                .contains("--token-stdin")
                .contains("--token-file=PATH")
                .contains("mode 0600 or stricter");
    }
}
