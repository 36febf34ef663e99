package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.mailing.InMemoryMailings;
import org.junit.jupiter.api.Test;

class AdminApiHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> READ = List.of("abuse-desk/read");
    private static final List<String> WRITE = List.of("abuse-desk/write");

    private final InMemoryMailings mailings = new InMemoryMailings();
    private final AdminApiHandler handler = new AdminApiHandler(mailings);

    @Test
    void putThenGet_registersTheMailing_andShowsItWithItsCounters() throws Exception {
        // GIVEN a registration sent with the write scope
        var put = handle(
                "PUT /admin/mailings/{mailingId}",
                "14141611",
                WRITE,
                "{\"accountId\":\"121070\",\"recipients\":1000,\"sentAt\":\"2026-11-27T09:00:00Z\",\"subject\":\"Angebote\"}");

        // WHEN it is read back with the read scope
        var get = handle("GET /admin/mailings/{mailingId}", "14141611", READ, null);

        // THEN both show the registration, and the registry holds it
        assertThat(put.getStatusCode()).isEqualTo(200);
        assertThat(get.getStatusCode()).isEqualTo(200);
        JsonNode shown = JSON.readTree(get.getBody());
        assertThat(shown.get("mailingId").asText()).isEqualTo("14141611");
        assertThat(shown.get("accountId").asText()).isEqualTo("121070");
        assertThat(shown.get("recipients").asLong()).isEqualTo(1000);
        assertThat(shown.get("sentAt").asText()).isEqualTo("2026-11-27T09:00:00Z");
        assertThat(shown.get("complaints").asLong()).isZero();
        assertThat(mailings.find(new MailingId("14141611"))).isPresent();
        assertThat(get.getHeaders()).containsEntry("cache-control", "no-store");
    }

    @Test
    void get_ofAnUnknownMailing_is404() throws Exception {
        var response = handle("GET /admin/mailings/{mailingId}", "99999999", READ, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.getBody()).at("/errors/0/field").asText())
                .isEqualTo("mailingId");
    }

    @Test
    void put_withBadFields_is400NamingTheField_andStoresNothing() throws Exception {
        var cases = Map.of(
                "{\"recipients\":1,\"sentAt\":\"2026-11-27T09:00:00Z\"}", "accountId",
                "{\"accountId\":\"121070\",\"recipients\":-1,\"sentAt\":\"2026-11-27T09:00:00Z\"}", "recipients",
                "{\"accountId\":\"121070\",\"recipients\":1.5,\"sentAt\":\"2026-11-27T09:00:00Z\"}", "recipients",
                "{\"accountId\":\"121070\",\"sentAt\":\"yesterday\"}", "sentAt",
                "{\"accountId\":121070,\"sentAt\":\"2026-11-27T09:00:00Z\"}", "accountId");
        for (var entry : cases.entrySet()) {
            var response = handle("PUT /admin/mailings/{mailingId}", "14141611", WRITE, entry.getKey());

            assertThat(response.getStatusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(response.getBody()).at("/errors/0/field").asText())
                    .as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
        assertThat(handle("PUT /admin/mailings/{mailingId}", "14141611", WRITE, "not json")
                        .getStatusCode())
                .isEqualTo(400);
        assertThat(handle("PUT /admin/mailings/{mailingId}", "no spaces allowed", WRITE, "{}")
                        .getStatusCode())
                .isEqualTo(400);
        assertThat(mailings.find(new MailingId("14141611"))).isEmpty();
    }

    @Test
    void aWriteRoute_withOnlyTheReadScope_is403_evenIfTheGatewayLetItThrough() {
        var response = handle(
                "PUT /admin/mailings/{mailingId}",
                "14141611",
                READ,
                "{\"accountId\":\"121070\",\"sentAt\":\"2026-11-27T09:00:00Z\"}");

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(mailings.find(new MailingId("14141611"))).isEmpty();
    }

    @Test
    void aRequestWithoutAnyScope_isRefused_andAnUnknownRouteIs404() {
        assertThat(handle("GET /admin/mailings/{mailingId}", "14141611", List.of(), null)
                        .getStatusCode())
                .isEqualTo(403);
        assertThat(handle("DELETE /admin/everything", null, WRITE, null).getStatusCode())
                .isEqualTo(404);
    }

    private APIGatewayV2HTTPResponse handle(String routeKey, String mailingId, List<String> scopes, String body) {
        var event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(mailingId == null ? null : Map.of("mailingId", mailingId))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("sub", "erika", "client_id", "cli"))
                                        .withScopes(scopes)
                                        .build())
                                .build())
                        .build())
                .build();
        return handler.handleRequest(event, null);
    }
}
