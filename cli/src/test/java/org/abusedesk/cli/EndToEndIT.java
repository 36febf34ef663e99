package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole path, as `./abuse-desk local` runs it: HTTP form → DynamoDB → stream → pipe → SQS → processor → SES. */
@ExtendWith(MotoExtension.class)
class EndToEndIT {

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
    void aComplaintPostedToTheForm_reachesTheAbuseTeamsOutbox(AwsEndpoint aws, ProjectRoot root) throws Exception {
        // GIVEN the local stack of template.yaml on the moto server, its HTTP API on a free port
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "e2e" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS));

        // WHEN a complaint is posted as JSON
        var response =
                post("/complaints", "{\"mailingId\":\"14141611\",\"email\":\"a@example.net\",\"message\":\"spam\"}");

        // THEN it is accepted with a reference ...
        assertThat(response.statusCode()).isEqualTo(202);
        String reference = JSON.readTree(response.body()).get("reference").asText();
        assertThat(reference).hasSize(26);

        // ... and within 10 s the outbox holds the abuse team's mail naming the mailing and the reference
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode outbox = JSON.readTree(get("/_local/outbox").body());
                    assertThat(outbox.findValuesAsText("subject"))
                            .contains("Complaint on mailing 14141611 (reference " + reference + ")");
                });
        JsonNode mail = mailWithReference(reference);
        assertThat(mail.get("to").toString()).isEqualTo("[\"abuse-team@example.com\"]");
        assertThat(mail.get("from").asText()).isEqualTo("abuse-desk@example.com");
        assertThat(mail.get("text").asText()).contains("Mailing ID:   14141611");
        assertThat(mail.get("html").asText()).contains("<td>14141611</td>");
    }

    @Test
    void aRejectedComplaint_isNeitherStoredNorNotified(AwsEndpoint aws, ProjectRoot root) throws Exception {
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "e2e" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS));

        var response = post("/complaints", "{\"mailingId\":\"14141611\",\"message\":\"spam\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"field\":\"email\",\"message\":\"is required\"}]}");
        assertThat(local.drain()).isZero();
        try (var dynamoDb = aws.dynamoDb()) {
            assertThat(dynamoDb.scan(r -> r.tableName(local.stack().ref("ComplaintsTable")))
                            .count())
                    .isZero();
        }
    }

    @Test
    void anUnknownRoute_is404_andAWrongMethod_is405(AwsEndpoint aws, ProjectRoot root) throws Exception {
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "e2e" + UUID.randomUUID().toString().substring(0, 8),
                        Map.of("CreateSenderIdentity", "true")));

        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(get("/complaints").statusCode()).isEqualTo(405);
    }

    private JsonNode mailWithReference(String reference) throws IOException, InterruptedException {
        for (JsonNode mail : JSON.readTree(get("/_local/outbox").body())) {
            if (mail.get("subject").asText().contains(reference)) {
                return mail;
            }
        }
        throw new AssertionError("no mail with reference " + reference);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return local.apiUrl().resolve(path);
    }
}
