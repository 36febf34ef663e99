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

    @Test
    void aComplaintMailedToTheSmtpListener_reachesTheAbuseTeamsOutboxNamingMailingAndAccount(
            AwsEndpoint aws, ProjectRoot root) throws Exception {
        // GIVEN the local stack with its SMTP listener on a free port
        local = startWithSmtp(aws, root);
        int smtpPort = local.smtpReceivers().get(0).port();

        // WHEN a complaint forwarding the spam as attachment is sent to abuse@ with a plain SMTP client
        var replies = SmtpClient.send(smtpPort, "erika.muster@example.net", "abuse@example.com", complaintMail());

        // THEN the listener accepts it ...
        assertThat(replies.get(3)).startsWith("250");
        assertThat(replies.get(5)).startsWith("250");

        // ... and within 15 s the abuse team's mail names the Mailing ID and the account
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                JSON.readTree(get("/_local/outbox").body()).findValuesAsText("subject"))
                        .anyMatch(subject -> subject.startsWith("Complaint on mailing 14141611 (reference ")));
        JsonNode mail = null;
        for (JsonNode sent : JSON.readTree(get("/_local/outbox").body())) {
            if (sent.get("subject").asText().startsWith("Complaint on mailing 14141611")) {
                mail = sent;
            }
        }
        assertThat(mail.get("to").toString()).isEqualTo("[\"abuse-team@example.com\"]");
        assertThat(mail.get("text").asText())
                .contains("Mailing ID:   14141611")
                .contains("Account:      121070")
                .contains("Channel:      MAIL");
        assertThat(mail.get("html").asText()).contains("<td>14141611</td>").contains("<td>121070</td>");
    }

    @Test
    void aBounceMailedToTheSmtpListener_isStored_butNeverNotified(AwsEndpoint aws, ProjectRoot root) throws Exception {
        // GIVEN the local stack with its SMTP listener
        local = startWithSmtp(aws, root);
        int smtpPort = local.smtpReceivers().get(0).port();

        // WHEN a delivery status notification returning one of our mails arrives
        String bounce = String.join(
                "\r\n",
                "From: MAILER-DAEMON@mx.example.net",
                "To: abuse@example.com",
                "Subject: Undelivered Mail Returned to Sender",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"",
                "",
                "--r",
                "Content-Type: message/delivery-status",
                "",
                "Final-Recipient: rfc822; gone@example.net",
                "Action: failed",
                "Status: 5.1.1",
                "",
                "--r",
                "Content-Type: text/rfc822-headers",
                "",
                "From: news@shop.example.org",
                "X-Mailing: 14141612",
                "Subject: Angebote",
                "",
                "--r--",
                "");
        SmtpClient.send(smtpPort, "", "abuse@example.com", bounce);

        // THEN it is stored as a bounce under the returned mail's Mailing ID ...
        String table = local.stack().ref("ComplaintsTable");
        try (var dynamoDb = aws.dynamoDb()) {
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(
                                    dynamoDb.scan(r -> r.tableName(table)).items())
                            .anySatisfy(item -> {
                                assertThat(item.get("mailingId").s()).isEqualTo("14141612");
                                assertThat(item.get("classification").s()).isEqualTo("BOUNCE");
                            }));
        }
        // ... and the pipe, relayed and polled to the end, passes nothing on to the abuse team
        local.drain();
        local.drain();
        assertThat(JSON.readTree(get("/_local/outbox").body()).findValuesAsText("subject"))
                .noneMatch(subject -> subject.contains("14141612"));
    }

    private static LocalStack startWithSmtp(AwsEndpoint aws, ProjectRoot root) {
        return LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "e2e" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS,
                        0));
    }

    private static String complaintMail() {
        return String.join(
                "\r\n",
                "From: Erika Muster <erika.muster@example.net>",
                "To: abuse@example.com",
                "Subject: Spam",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Ich habe das nie bestellt.",
                "--b",
                "Content-Type: message/rfc822",
                "Content-Disposition: attachment; filename=\"Angebote.eml\"",
                "",
                "From: Newsletter <news@shop.example.org>",
                "To: erika.muster@example.net",
                "Subject: Angebote",
                "X-Mailing: 14141611",
                "X-Client: 121070",
                "Content-Type: text/plain",
                "",
                "Jetzt kaufen!",
                "--b--",
                "");
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
