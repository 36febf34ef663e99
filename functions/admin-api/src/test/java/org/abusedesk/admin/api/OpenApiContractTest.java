package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The admin API's requests and responses are what docs/openapi.yaml says they are. */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = document();
    private static final String REGISTRATION =
            "{\"accountId\":\"121070\",\"recipients\":1000,\"sentAt\":\"2026-11-27T09:00:00Z\",\"subject\":null}";

    private final InMemoryAdminApi api = new InMemoryAdminApi();

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
        api.complaints.add(complaint);
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
    void everyOtherAdminRoute_answersTheDocumentedBody() throws IOException {
        // GIVEN a mailed case of a registered mailing, counted against a paused account with a suppression
        var mailed = CaseFixtures.mailed(
                "14141611",
                CaseFixtures.NOW.minusSeconds(600),
                ComplaintState.NOTIFIED,
                CaseFixtures.ERIKA,
                "ses-9",
                false);
        api.complaints.add(mailed);
        api.cases.attribute(mailed.key(), new AccountId("121070"));
        assertThat(handle(
                                "PUT /admin/mailings/{mailingId}",
                                "{\"accountId\":\"121070\",\"sentAt\":\"2026-11-26T08:00:00Z\","
                                        + "\"sender\":\"news@shop.example.org\"}")
                        .getStatusCode())
                .isEqualTo(200);
        api.accounts.count(
                new AccountId("121070"),
                true,
                Optional.of(new Suppression(
                        new AccountId("121070"),
                        AddressHash.of(CaseFixtures.ERIKA),
                        CaseFixtures.NOW,
                        mailed.key().complaintId().value())));
        var account = Map.of("accountId", "121070");
        var path = Map.of(
                "mailingId",
                "14141611",
                "complaintId",
                mailed.key().complaintId().value());
        String statusChange = "{\"status\":\"PAUSED\",\"reason\":\"Beschwerden ohne Opt-in-Nachweis\"}";
        String erasure = "{\"address\":\"" + CaseFixtures.ERIKA + "\"}";
        assertThat(errors("StatusChangeRequest", JSON.readTree(statusChange))).isEmpty();
        assertThat(errors("Erasure", JSON.readTree(erasure))).isEmpty();

        // WHEN every read route is asked, the status set, a file imported and the complainant erased
        var answers = new java.util.LinkedHashMap<String, String>();
        answers.put("CasePage", handle("GET /admin/complaints", Map.of(), null).getBody());
        answers.put(
                "CasePage ",
                handle("GET /admin/accounts/{accountId}/complaints", account, null)
                        .getBody());
        answers.put(
                "Case",
                handle("GET /admin/complaints/{mailingId}/{complaintId}", path, null)
                        .getBody());
        answers.put(
                "XarfReport",
                handle("GET /admin/complaints/{mailingId}/{complaintId}/xarf", path, null)
                        .getBody());
        answers.put(
                "CsaBundle",
                handle("GET /admin/complaints/{mailingId}/{complaintId}/csa", path, null)
                        .getBody());
        answers.put(
                "Account",
                handle("GET /admin/accounts/{accountId}", account, null).getBody());
        answers.put(
                "SuppressionPage",
                handle("GET /admin/accounts/{accountId}/suppressions", account, null)
                        .getBody());
        answers.put(
                "StatusChanged",
                handle("PUT /admin/accounts/{accountId}/status", account, statusChange)
                        .getBody());
        answers.put(
                "StatusChangePage",
                handle("GET /admin/accounts/{accountId}/history", account, null).getBody());
        answers.put(
                "ImportReport",
                api.importCsv(
                                "mailingId,accountId,recipients,sentAt,subject,sender\n14141612,121070,x,,,\n",
                                "text/csv")
                        .getBody());
        // a part of a file with its line offset: a bad field, a repetition, a short row and a line past reading
        answers.put(
                "ImportReport ",
                api.importCsv(
                                "sentAt,mailingId,accountId\n2026-11-20T09:30:00Z,14141613,121070\n"
                                        + "2026-11-20T09:30:00Z,14141613,121070\n,14141614,121070\n"
                                        + "2026-11-20T09:30:00Z,14141615\n\"2026\"x,14141616,121070\n",
                                "text/csv",
                                Map.of("lineOffset", "2000"))
                        .getBody());
        answers.put(
                "Errors",
                api.importCsv("mailingId,accountId,sentAt,campaign\n", "text/csv")
                        .getBody());
        answers.put(
                "ErasureReport",
                handle("POST /admin/erasures", Map.of(), erasure).getBody());
        answers.put(
                "Case ",
                handle("GET /admin/complaints/{mailingId}/{complaintId}", path, null)
                        .getBody());

        // THEN each is what the document says, the case both before and after erasure
        for (var answer : answers.entrySet()) {
            assertThat(errors(answer.getKey().strip(), JSON.readTree(answer.getValue())))
                    .as(answer.getKey() + ": " + answer.getValue())
                    .isEmpty();
        }
    }

    @Test
    void theContactRoutes_sendAndAnswerTheDocumentedBodies() throws IOException {
        var account = Map.of("accountId", "121070");
        String contact = "{\"email\":\"owner@shop.example\",\"name\":\"Shop GmbH\",\"language\":\"de\"}";
        assertThat(errors("ContactRequest", JSON.readTree(contact))).isEmpty();

        var answers = new java.util.LinkedHashMap<String, String>();
        api.accounts.count(new AccountId("121072"), false, Optional.empty());
        answers.put(
                "Account",
                handle("GET /admin/accounts/{accountId}", Map.of("accountId", "121072"), null)
                        .getBody());
        answers.put(
                "Contact",
                handle("PUT /admin/accounts/{accountId}/contact", account, contact)
                        .getBody());
        answers.put(
                "Account ",
                handle("GET /admin/accounts/{accountId}", account, null).getBody());
        answers.put(
                "Errors",
                handle("PUT /admin/accounts/{accountId}/contact", account, "{\"email\":\"a@b.example, c@d.example\"}")
                        .getBody());
        answers.put(
                "ContactImportReport",
                api.importContacts(
                                "accountId,contactEmail,contactName,language\n121071,owner@shop.example,Shop,en\n"
                                        + "121071,owner@shop.example,Shop,en\n,Shop <a@b.example>,,fr\n121073\n"
                                        + "\"121074\"x,a@b.example,Shop,de\n",
                                "text/csv",
                                InMemoryAdminApi.WRITE)
                        .getBody());
        answers.put(
                "Errors ",
                api.importContacts("accountId,contactEmail\n", "text/csv", InMemoryAdminApi.WRITE)
                        .getBody());

        for (var answer : answers.entrySet()) {
            assertThat(errors(answer.getKey().strip(), JSON.readTree(answer.getValue())))
                    .as(answer.getKey() + ": " + answer.getValue())
                    .isEmpty();
        }
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
        return api.call(routeKey, pathParameters, InMemoryAdminApi.WRITE, body);
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
