package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.cases.InMemoryCases;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.mailing.InMemoryMailings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The admin API's requests and responses are what docs/openapi.yaml says they are. */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InMemoryComplaints COMPLAINTS = new InMemoryComplaints();
    private static final InMemoryCases CASES = new InMemoryCases(COMPLAINTS);
    private static final JsonNode DOCUMENT = document();
    private static final String REGISTRATION =
            "{\"accountId\":\"121070\",\"recipients\":1000,\"sentAt\":\"2026-11-27T09:00:00Z\",\"subject\":null}";

    private final AdminApiHandler handler =
            new AdminApiHandler(new InMemoryMailings(), CASES, CASES, Clock.fixed(CaseFixtures.NOW, ZoneOffset.UTC));

    @Test
    void putAndGetOfAMailing_sendAndAnswerTheDocumentedBodies() throws IOException {
        assertThat(errors("MailingRegistration", JSON.readTree(REGISTRATION))).isEmpty();

        var put = handle("PUT /admin/mailings/{mailingId}", REGISTRATION);
        var get = handle("GET /admin/mailings/{mailingId}", null);

        assertThat(put.getStatusCode()).isEqualTo(200);
        assertThat(errors("Mailing", JSON.readTree(put.getBody()))).isEmpty();
        assertThat(get.getStatusCode()).isEqualTo(200);
        assertThat(errors("Mailing", JSON.readTree(get.getBody()))).isEmpty();
    }

    @Test
    void refusals_answerTheDocumentedErrorBody() throws IOException {
        String invalid = "{\"accountId\":\"121070\",\"recipients\":-1,\"sentAt\":\"2026-11-27T09:00:00Z\"}";
        assertThat(errors("MailingRegistration", JSON.readTree(invalid))).isNotEmpty();

        var badRequest = handle("PUT /admin/mailings/{mailingId}", invalid);
        var notFound = handle("GET /admin/mailings/{mailingId}", null);

        assertThat(badRequest.getStatusCode()).isEqualTo(400);
        assertThat(errors("Errors", JSON.readTree(badRequest.getBody()))).isEmpty();
        assertThat(notFound.getStatusCode()).isEqualTo(404);
        assertThat(errors("Errors", JSON.readTree(notFound.getBody()))).isEmpty();
    }

    @Test
    void theCasesOfAMailing_andClosingOne_answerTheDocumentedBodies() throws IOException {
        var complaint = CaseFixtures.form(
                "14141612", CaseFixtures.NOW.minusSeconds(3600), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        COMPLAINTS.add(complaint);
        var path = Map.of(
                "mailingId",
                "14141612",
                "complaintId",
                complaint.key().complaintId().value());
        String closing = "{\"note\":\"Kunde verwarnt\"}";
        assertThat(errors("Closing", JSON.readTree(closing))).isEmpty();

        var page = handle("GET /admin/mailings/{mailingId}/complaints", Map.of("mailingId", "14141612"), null);
        var closed = handle("POST /admin/complaints/{mailingId}/{complaintId}/resolve", path, closing);
        var conflict = handle("POST /admin/complaints/{mailingId}/{complaintId}/dismiss", path, closing);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(errors("CasePage", JSON.readTree(page.getBody()))).isEmpty();
        assertThat(closed.getStatusCode()).isEqualTo(200);
        assertThat(errors("Closed", JSON.readTree(closed.getBody()))).isEmpty();
        assertThat(conflict.getStatusCode()).isEqualTo(409);
        assertThat(errors("Errors", JSON.readTree(conflict.getBody()))).isEmpty();
    }

    @Test
    void theSchemas_refuseWhatTheyDoNotDescribe() throws IOException {
        assertThat(errors("Mailing", JSON.readTree("{\"mailingId\":\"14141611\"}")))
                .isNotEmpty();
        assertThat(errors("Errors", JSON.readTree("{\"errors\":[]}"))).isNotEmpty();
    }

    /** What is wrong with {@code body} by the document's component schema {@code name}; empty when nothing is. */
    private static List<String> errors(String name, JsonNode body) {
        ObjectNode root = DOCUMENT.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://abuse-desk.invalid/openapi.json"), root);
        return schema.validate(body).stream().map(Object::toString).toList();
    }

    private APIGatewayV2HTTPResponse handle(String routeKey, String body) {
        return handle(routeKey, Map.of("mailingId", "14141611"), body);
    }

    private APIGatewayV2HTTPResponse handle(String routeKey, Map<String, String> pathParameters, String body) {
        var event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("sub", "erika"))
                                        .withScopes(List.of("abuse-desk/write"))
                                        .build())
                                .build())
                        .build())
                .build();
        return handler.handleRequest(event, null);
    }

    private static JsonNode document() {
        // The module's tests run in functions/admin-api; the document is the project's.
        try (Reader reader = Files.newBufferedReader(Path.of("../../docs/openapi.yaml"))) {
            Object yaml = new Yaml().load(reader);
            return JSON.valueToTree(yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
