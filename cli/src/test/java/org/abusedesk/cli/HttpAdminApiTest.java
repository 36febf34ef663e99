package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over HTTP, against an HTTP server in the test: what goes over the wire. */
class HttpAdminApiTest {

    /** A request as the server saw it. */
    record Seen(
            String method, String rawPath, String rawQuery, String authorization, String contentType, String body) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8)));
            byte[] response = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(status, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void aCall_sendsTheTokenAsBearer_andPercentEncodesPathParametersAndQuery() throws Exception {
        var api = new HttpAdminApi(url().resolve("/stage/"), "tok.en-1");

        var response = api.call(
                Route.COMPLAINT,
                Map.of("mailingId", "a/b c+ä", "complaintId", "x?y#z"),
                Map.of("from", "2026-11-01T00:00:00+01:00", "state", "OPEN CASES"),
                null,
                null);

        assertThat(response).isEqualTo(new AdminApi.Response(200, "{\"ok\":true}"));
        var request = seen.get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.authorization()).isEqualTo("Bearer tok.en-1");
        assertThat(request.rawPath()).isEqualTo("/stage/admin/complaints/a%2Fb%20c%2B%C3%A4/x%3Fy%23z");
        assertThat(request.rawQuery()).contains("from=2026-11-01T00%3A00%3A00%2B01%3A00", "state=OPEN%20CASES");
    }

    @Test
    void aBody_goesWithItsContentType_andTheMethodOfTheRoute() throws Exception {
        var api = new HttpAdminApi(url(), "t");

        api.call(Route.IMPORT_MAILINGS, Map.of(), Map.of(), "text/csv; charset=utf-8", "mailingId\nä\n");
        api.call(Route.ACCOUNT_STATUS, Map.of("accountId", "121070"), Map.of(), "application/json", "{}");

        assertThat(seen)
                .extracting(Seen::method, Seen::rawPath, Seen::contentType, Seen::body)
                .containsExactly(
                        tuple("POST", "/admin/mailings/import", "text/csv; charset=utf-8", "mailingId\nä\n"),
                        tuple("PUT", "/admin/accounts/121070/status", "application/json", "{}"));
    }

    @Test
    void theCommandLine_takesTheOptions_overTheVariables_overTheStackFile(@TempDir Path temp) throws Exception {
        Path stackFile = temp.resolve("stack.json");
        StackConnection.write(
                stackFile,
                new StackConnection.StackFile(
                        "http://127.0.0.1:1", "eu-central-1", Map.of(), Map.of(), url().toString(), "from-file"));
        answer = "{\"accountId\":\"121070\",\"status\":\"ACTIVE\"}";

        new Cli(null).run("mailings", "show", "--stack-file", stackFile.toString(), "m1");
        new Cli(null, Map.of(AdminConnection.TOKEN_VARIABLE, "from-variable"))
                .run("mailings", "show", "--stack-file", stackFile.toString(), "m1");
        new Cli(null, Map.of(AdminConnection.TOKEN_VARIABLE, "from-variable"))
                .run("mailings", "show", "--stack-file", stackFile.toString(), "--token", "from-option", "m1");
        new Cli(null, Map.of(AdminConnection.API_URL_VARIABLE, url() + "/v"))
                .run("mailings", "show", "--stack-file", stackFile.toString(), "m1");
        var shown = new Cli(null).run("mailings", "show", "--api-url", url() + "/o", "--token", "o", "m1");

        assertThat(seen)
                .extracting(Seen::authorization, Seen::rawPath)
                .containsExactly(
                        tuple("Bearer from-file", "/admin/mailings/m1"),
                        tuple("Bearer from-variable", "/admin/mailings/m1"),
                        tuple("Bearer from-option", "/admin/mailings/m1"),
                        tuple("Bearer from-file", "/v/admin/mailings/m1"),
                        tuple("Bearer o", "/o/admin/mailings/m1"));
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).isEqualTo("accountId: 121070\nstatus:    ACTIVE\n");
    }

    @Test
    void withoutAnApiUrlOrToken_theCommandSaysWhereToGiveOne_andCallsNothing(@TempDir Path temp) throws Exception {
        Path empty = temp.resolve("stack.json");
        StackConnection.write(empty, new StackConnection.StackFile("http://127.0.0.1:1", "eu-central-1", Map.of()));

        var noUrl = new Cli(null).run("accounts", "show", "--stack-file", empty.toString(), "121070");
        var noToken = new Cli(null)
                .run("accounts", "show", "--stack-file", empty.toString(), "--api-url", url().toString(), "1");

        assertThat(noUrl.exit()).isEqualTo(1);
        assertThat(noUrl.err())
                .isEqualTo("no admin API URL: pass --api-url, set ABUSE_DESK_API_URL, start `abuse-desk local`, or use"
                        + " --direct\n");
        assertThat(noToken.exit()).isEqualTo(1);
        assertThat(noToken.err())
                .isEqualTo(
                        "no token: pass --token-stdin or --token-file, set ABUSE_DESK_TOKEN, or start `abuse-desk local`\n");
        assertThat(seen).isEmpty();
    }

    @Test
    void anUnauthorizedCall_neverPrintsTheToken() {
        status = 401;
        answer = "{\"message\":\"Unauthorized\"}";

        var result = new Cli(null)
                .run("mailings", "show", "--api-url", url().toString(), "--token", "secret-token-value", "m1");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("Unauthorized (HTTP 401)").doesNotContain("secret-token-value");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anApiThatIsNotThere_isNamedByItsUrl_notItsToken() throws Exception {
        URI gone = url();
        server.stop(0);

        var result =
                new Cli(null).run("mailings", "show", "--api-url", gone.toString(), "--token", "secret-token", "m1");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("GET /admin/mailings/{mailingId}: cannot reach the admin API at " + gone)
                .doesNotContain("secret-token");
    }
}
