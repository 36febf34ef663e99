package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./abuse-desk local --opt-in-evidence FILE}: the stand-in platform answers the desk's signed requests from
 * the file, and the cases show what it answered, in the admin API and the CSA export, until an erasure.
 */
@ExtendWith(MotoExtension.class)
class LocalOptInEvidenceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERIKA = "Erika.Quellberg@Example.NET";
    private static final String MAX = "max.mustermann@example.org";

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStack local;
    private LocalOptInEvidence platform;
    private String token;

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aComplaintsCase_showsTheRecipientsRecord_anotherNoRecord_andAnErasureRemovesTheRecord(
            AwsEndpoint aws, ProjectRoot root, @TempDir Path directory) throws Exception {
        // GIVEN a file with Erika's opt-in record, and the local stack started with it
        Path file = directory.resolve("opt-in.json");
        Files.writeString(file, """
                {"erika.quellberg@example.net": {"sourceType": "FORM", "source": "https://shop.example/newsletter",
                  "optedInAt": "2026-03-01T10:00:00Z", "confirmedAt": "2026-03-01T10:05:12Z", "ip": "192.0.2.10",
                  "consentVersion": "2026-01"}}
                """);
        String stackName = "oi" + UUID.randomUUID().toString().substring(0, 8);
        platform = LocalOptInEvidence.start(aws, stackName, file);
        var parameters = new HashMap<>(MotoExtension.TEST_PARAMETERS);
        parameters.putAll(platform.parameters());
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options("127.0.0.1", 0, stackName, parameters));
        token = local.tokens()
                .mint("anna.team", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(10));
        String mailing = "oi" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(send(
                                "PUT",
                                "/admin/mailings/" + mailing,
                                "{\"accountId\":\"121070\",\"recipients\":1000,\"sentAt\":\"2026-11-27T09:00:00Z\","
                                        + "\"optInEvidence\":\"Double opt-in for all recipients\"}")
                        .statusCode())
                .isEqualTo(200);

        // WHEN Erika (written in another case than in the file) and Max complain through the form
        complain(mailing, ERIKA, "Erika Quellberg");
        complain(mailing, MAX, "Max Mustermann");

        // THEN Erika's case shows her source, opt-in and confirmation time; Max's says the platform has no record
        var erika = caseOf(mailing, "FOUND");
        var max = caseOf(mailing, "NO_RECORD");
        var record = erika.path("optInEvidence").path("record");
        assertThat(record.path("source").asText()).isEqualTo("https://shop.example/newsletter");
        assertThat(record.path("optedInAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(record.path("confirmedAt").asText()).isEqualTo("2026-03-01T10:05:12Z");
        assertThat(max.path("optInEvidence").path("record").isNull()).isTrue();

        // AND the CSA export rests Erika's answer on her record, Max's on the mailing's text
        var erikaCsa = csa(erika);
        assertThat(erikaCsa.at("/optIn/basis").asText()).isEqualTo("RECIPIENT_RECORD");
        assertThat(erikaCsa.at("/optIn/platformAnswer/record/confirmedAt").asText())
                .isEqualTo("2026-03-01T10:05:12Z");
        assertThat(erikaCsa.at("/mailing/optInEvidence").isNull()).isTrue();
        var maxCsa = csa(max);
        assertThat(maxCsa.at("/optIn/basis").asText()).isEqualTo("MAILING_TEXT");
        assertThat(maxCsa.at("/optIn/platformAnswer/status").asText()).isEqualTo("NO_RECORD");
        assertThat(maxCsa.at("/mailing/optInEvidence").asText()).isEqualTo("Double opt-in for all recipients");

        // WHEN Erika's data is erased, THEN her case keeps no record any more
        assertThat(send("POST", "/admin/erasures", "{\"address\":\"" + ERIKA + "\"}")
                        .statusCode())
                .isEqualTo(200);
        var erased = JSON.readTree(send("GET", path(erika), null).body());
        assertThat(erased.path("erasedAt").isNull()).isFalse();
        assertThat(erased.path("optInEvidence").isNull()).isTrue();
        assertThat(csa(erika).at("/optIn/platformAnswer").isNull()).isTrue();
    }

    @Test
    void aFileOutsideTheSchema_stopsTheStandIn_namingTheRecordByPositionAndTheField(
            AwsEndpoint aws, @TempDir Path directory) throws Exception {
        Path file = directory.resolve("opt-in.json");
        Files.writeString(
                file,
                "{\"a@example.org\": {\"sourceType\": \"IMPORT\", \"source\": \"crm\","
                        + " \"optedInAt\": \"2026-01-01T00:00:00Z\"}, \"b@example.org\": {\"sourceType\": \"FORM\"}}");

        assertThatThrownBy(() -> LocalOptInEvidence.start(aws, "bad", file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("the record of address 2: source is missing")
                .hasMessageNotContaining("b@example.org");
    }

    private void complain(String mailing, String email, String name) throws Exception {
        assertThat(send(
                                "POST",
                                "/complaints",
                                "{\"mailingId\":\"" + mailing + "\",\"email\":\"" + email + "\",\"name\":\"" + name
                                        + "\",\"message\":\"Nie bestellt\"}")
                        .statusCode())
                .isEqualTo(202);
    }

    /** The one case of the mailing whose opt-in evidence has this status, once it has. */
    private JsonNode caseOf(String mailing, String status) {
        var found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    var page = JSON.readTree(send("GET", "/admin/mailings/" + mailing + "/complaints", null)
                            .body());
                    var cases = new java.util.ArrayList<JsonNode>();
                    for (var summary : page.path("items")) {
                        var file = JSON.readTree(send(
                                        "GET",
                                        "/admin/complaints/" + mailing + "/"
                                                + summary.path("complaintId").asText(),
                                        null)
                                .body());
                        if (file.path("optInEvidence").path("status").asText().equals(status)) {
                            cases.add(file);
                        }
                    }
                    assertThat(cases).hasSize(1);
                    found[0] = cases.get(0);
                });
        return found[0];
    }

    private JsonNode csa(JsonNode file) throws Exception {
        var response = send("GET", path(file) + "/csa", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String path(JsonNode file) {
        return "/admin/complaints/" + file.path("mailingId").asText() + "/"
                + file.path("complaintId").asText();
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return LocalApi.send(http, local.apiUrl(), method, path, path.equals("/complaints") ? null : token, body);
    }
}
