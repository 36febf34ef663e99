package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API's handler in this process: the event it is given, and what it answers before any table is read. */
class DirectAdminApiTest {

    /** As the template sets the function's; nothing listens at the endpoint: no call here reaches a table. */
    private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("AWS_REGION", "eu-central-1"),
            Map.entry("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
            Map.entry("MAILINGS_TABLE", "mailings"),
            Map.entry("COMPLAINTS_TABLE", "complaints"),
            Map.entry("CASE_THREADS_TABLE", "threads"),
            Map.entry("ACCOUNTS_TABLE", "accounts"),
            Map.entry("INBOUND_BUCKET", "inbound"),
            Map.entry("WATCH_RATE_PERCENT", "0.1"),
            Map.entry("WATCH_MIN_COMPLAINTS", "3"),
            Map.entry("FLAGGED_RATE_PERCENT", "0.3"),
            Map.entry("FLAGGED_MIN_COMPLAINTS", "3"),
            Map.entry("PAUSED_RATE_PERCENT", "1.0"),
            Map.entry("PAUSED_MIN_VERIFIED_COMPLAINTS", "5"),
            Map.entry("FLAGGED_WITHOUT_RECIPIENTS_IN_24H", "10"),
            Map.entry("RATE_WINDOW_DAYS", "30"),
            Map.entry("ABUSE_DESK_ORGANISATION", "Example ESP"),
            Map.entry("ABUSE_ADDRESS", "abuse@example.com"));

    @Test
    void theEvent_isWhatTheJwtAuthorizerPassesOn_forThePersonAtTheTerminal_withEveryScope() {
        var api = new DirectAdminApi(ENVIRONMENT, "anna");

        var event = api.event(
                Route.RESOLVE,
                Map.of("mailingId", "14141611", "complaintId", "A1"),
                Map.of("cursor", "c"),
                "application/json",
                "{\"note\":\"done\"}");

        assertThat(event.getRouteKey()).isEqualTo("POST /admin/complaints/{mailingId}/{complaintId}/resolve");
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo(event.getRouteKey());
        assertThat(event.getRawPath()).isEqualTo("/admin/complaints/14141611/A1/resolve");
        assertThat(event.getPathParameters()).isEqualTo(Map.of("mailingId", "14141611", "complaintId", "A1"));
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("cursor", "c"));
        assertThat(event.getBody()).isEqualTo("{\"note\":\"done\"}");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        assertThat(jwt.getClaims()).isEqualTo(Map.of("sub", "anna"));
        assertThat(jwt.getScopes()).isEqualTo(List.of("abuse-desk/read", "abuse-desk/write"));
    }

    @Test
    void aRequestTheHandlerRefuses_isItsAnswer_asOverHttp() throws Exception {
        var api = new DirectAdminApi(ENVIRONMENT, "anna");

        var response = api.call(
                Route.PUT_MAILING,
                Map.of("mailingId", "14141611"),
                Map.of(),
                "application/json",
                "{\"sentAt\":\"2026-11-27T09:00:00Z\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()))
                .isEqualTo(new ObjectMapper()
                        .readTree("{\"errors\":[{\"field\":\"accountId\",\"message\":\"is required\"}]}"));
    }

    @Test
    void theContactRoutes_reachTheHandler_whichRefusesAHeaderInjection_andAFileWithoutItsHeader() throws Exception {
        var api = new DirectAdminApi(ENVIRONMENT, "anna");

        var contact = api.call(
                Route.ACCOUNT_CONTACT,
                Map.of("accountId", "121070"),
                Map.of(),
                "application/json",
                "{\"email\":\"a@b.example\\r\\nBcc: x@y\",\"name\":\"Shop GmbH\",\"language\":\"de\"}");
        var imported = api.call(Route.IMPORT_CONTACTS, Map.of(), Map.of(), "text/csv", "");

        assertThat(contact.status()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(contact.body()))
                .isEqualTo(new ObjectMapper()
                        .readTree("{\"errors\":[{\"field\":\"email\",\"message\":"
                                + "\"must be a single line without control characters\"}]}"));
        assertThat(imported.status()).isEqualTo(400);
        assertThat(new ObjectMapper()
                        .readTree(imported.body())
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("header");
    }
}
