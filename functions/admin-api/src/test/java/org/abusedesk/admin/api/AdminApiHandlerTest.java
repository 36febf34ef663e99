package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.registration.InMemoryMailings;
import org.junit.jupiter.api.Test;

class AdminApiHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> READ = InMemoryAdminApi.READ;
    private static final List<String> WRITE = InMemoryAdminApi.WRITE;

    private final InMemoryAdminApi api = new InMemoryAdminApi();
    private final InMemoryMailings mailings = api.mailings;
    private final InMemoryComplaints complaints = api.complaints;

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

    @Test
    void theCasesOfAMailing_comeAPageAtATime_followingTheCursor_withoutTheComplainant() throws Exception {
        // GIVEN three complaints on a mailing
        for (int minutes = 30; minutes >= 10; minutes -= 10) {
            complaints.add(CaseFixtures.form(
                    "14141611",
                    CaseFixtures.NOW.minusSeconds(60L * minutes),
                    ComplaintState.NOTIFIED,
                    CaseFixtures.ERIKA));
        }

        // WHEN they are listed two at a time
        var first = JSON.readTree(list("limit=2").getBody());
        var second = JSON.readTree(
                list("limit=2&cursor=" + first.get("next").asText()).getBody());

        // THEN the pages hold all three once, oldest first, and say nothing of who complained
        var ids = new java.util.ArrayList<String>();
        first.get("items").forEach(item -> ids.add(item.get("complaintId").asText()));
        second.get("items").forEach(item -> ids.add(item.get("complaintId").asText()));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates().isSorted();
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(first.toString() + second).doesNotContain(CaseFixtures.ERIKA);
        assertThat(list("limit=0").getStatusCode()).isEqualTo(400);
        assertThat(list("cursor=not-a-cursor").getStatusCode()).isEqualTo(400);
        assertThat(list("from=yesterday").getStatusCode()).isEqualTo(400);
    }

    @Test
    void resolve_closesANotifiedCase_recordingTheTokensSubject_andOnceOnly() throws Exception {
        // GIVEN a case the abuse team was told of
        var complaint = CaseFixtures.form(
                "14141611", CaseFixtures.NOW.minusSeconds(3600), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        complaints.add(complaint);
        String route = "POST /admin/complaints/{mailingId}/{complaintId}/resolve";
        var path = Map.of(
                "mailingId",
                "14141611",
                "complaintId",
                complaint.key().complaintId().value());

        // WHEN it is resolved without a note, with one, and again
        var withoutNote = call(route, path, WRITE, "{}");
        var resolved = call(route, path, WRITE, "{\"note\":\"Kunde verwarnt\"}");
        var again = call(route, path, WRITE, "{\"note\":\"nochmal\"}");

        // THEN the note is required, the first closing is recorded with who, and a second is a conflict
        assertThat(withoutNote.getStatusCode()).isEqualTo(400);
        assertThat(resolved.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resolved.getBody()).get("state").asText()).isEqualTo("RESOLVED");
        assertThat(JSON.readTree(resolved.getBody()).get("closedBy").asText()).isEqualTo("erika");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(call(
                                route,
                                Map.of("mailingId", "14141611", "complaintId", "01KB3V9X4E0ZQ6K8N2M5T7R1YH"),
                                WRITE,
                                "{\"note\":\"x\"}")
                        .getStatusCode())
                .isEqualTo(404);
        assertThat(call(route, path, READ, "{\"note\":\"x\"}").getStatusCode()).isEqualTo(403);
    }

    @Test
    void theHandler_servesExactlyTheAdminRoutesOfTheTemplate() {
        var template = CloudFormationTemplate.load(ProjectRoot.find().resolve("template.yaml"));
        var events = CloudFormationTemplate.map(
                template.resources().get("AdminApiFunction").properties().get("Events"));
        var templateRoutes = events.values().stream()
                .map(event -> CloudFormationTemplate.map(
                        CloudFormationTemplate.map(event).get("Properties")))
                .map(properties -> properties.get("Method") + " " + properties.get("Path"))
                .collect(java.util.stream.Collectors.toSet());

        assertThat(api.handler.routes()).isEqualTo(templateRoutes);
    }

    @Test
    void everyWriteRoute_refusesAReadToken_beforeTouchingAnything() throws Exception {
        var writes = List.of(
                "PUT /admin/mailings/{mailingId}",
                "POST /admin/mailings/import",
                "POST /admin/complaints/{mailingId}/{complaintId}/resolve",
                "POST /admin/complaints/{mailingId}/{complaintId}/dismiss",
                "PUT /admin/accounts/{accountId}/status",
                "POST /admin/erasures");
        var path = Map.of("mailingId", "14141611", "complaintId", "01KB3V9X4E0ZQ6K8N2M5T7R1YH", "accountId", "121070");
        for (String route : writes) {
            var response = call(route, path, READ, "{}");

            assertThat(response.getStatusCode()).as(route).isEqualTo(403);
            assertThat(JSON.readTree(response.getBody()).at("/errors/0/message").asText())
                    .as(route)
                    .contains("abuse-desk/write");
        }
        var reads = api.handler.routes().stream()
                .filter(route -> route.startsWith("GET "))
                .toList();
        for (String route : reads) {
            assertThat(call(route, path, READ, null).getStatusCode()).as(route).isNotIn(401, 403);
        }
    }

    private APIGatewayV2HTTPResponse list(String query) {
        var parameters = new java.util.LinkedHashMap<String, String>();
        for (String pair : query.split("&")) {
            parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return api.get("GET /admin/mailings/{mailingId}/complaints", Map.of("mailingId", "14141611"), parameters);
    }

    private APIGatewayV2HTTPResponse call(
            String routeKey, Map<String, String> pathParameters, List<String> scopes, String body) {
        return api.call(routeKey, pathParameters, scopes, body);
    }

    private APIGatewayV2HTTPResponse handle(String routeKey, String mailingId, List<String> scopes, String body) {
        return call(routeKey, mailingId == null ? Map.of() : Map.of("mailingId", mailingId), scopes, body);
    }
}
