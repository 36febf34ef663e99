package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API's handler in this process: the event it is given, and what it answers before any table is read. */
class DirectAdminApiTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "AWS_REGION", "eu-central-1",
            // Nothing listens there: these calls are answered before the handler reaches a table.
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
            "MAILINGS_TABLE", "mailings",
            "COMPLAINTS_TABLE", "complaints",
            "ACCOUNTS_TABLE", "accounts",
            "INBOUND_BUCKET", "inbound");

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
        assertThat(jwt.getClaims()).isEqualTo(Map.of("username", "anna"));
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
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"field\":\"accountId\",\"message\":\"is required\"}]}");
    }
}
