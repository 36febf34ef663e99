package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.SmtpClient;
import org.abusedesk.testkit.MailFixtures;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything `abuse-desk local` prints during a full run, in the functions' production log layout, holds no
 * personal data: a form complaint and a mailed one go all the way to the abuse team, and the admin API opens,
 * exports, resolves and erases them, while every line the process writes is kept and searched.
 */
@ExtendWith(MotoExtension.class)
class PrivacyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Distinctive values, so that any trace of them in the output is found, whatever its form.
    private static final String ADDRESS = "zacharias.quellenhof@example.net";
    private static final List<String> PERSONAL = List.of(
            "zacharias",
            "quellenhof",
            "Privatnachricht-7Q3",
            "Geheimtext-Body-8K2",
            "Betreffzeile-5V1",
            "Notiz-4M9",
            // the platform's opt-in record of him
            "198.51.100.77",
            "Browser-9Z4",
            "Einwilligung-3T8",
            "form-6R2",
            // the sending customer's reply to the notice
            "Kundenantwort-6W3",
            "Antwortbetreff-1J5");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFullRun_printsNoAddressNameMessageNoteOrRawMail(AwsEndpoint aws, ProjectRoot root, @TempDir Path project)
            throws Exception {
        // GIVEN the local stack as its own process, logging as the functions do in Lambda (JSON lines)
        Files.copy(root.resolve("template.yaml"), project.resolve("template.yaml"));
        Path output = project.resolve("output.log");
        int apiPort = freePort();
        int smtpPort = freePort();
        // Mailing IDs are digits by the default resolution profile; moto is shared, so each run has its own.
        String mailing = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
        Path optIn = project.resolve("opt-in.json");
        Files.writeString(
                optIn,
                "{\"" + ADDRESS + "\": {\"sourceType\": \"FORM\", \"source\":"
                        + " \"https://signup.example/form-6R2\", \"optedInAt\": \"2026-03-01T10:00:00Z\", \"ip\": \"198.51.100.77\","
                        + " \"userAgent\": \"Browser-9Z4\", \"consentText\": \"Einwilligung-3T8\"}}");
        var process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Dlog4j2.configurationFile=log4j2.xml",
                        "-jar",
                        root.resolve("cli/target/abuse-desk.jar").toString(),
                        "local",
                        "--endpoint",
                        aws.uri().toString(),
                        "--port",
                        Integer.toString(apiPort),
                        "--smtp-port",
                        Integer.toString(smtpPort),
                        "--stack-name",
                        "privacy" + mailing,
                        "--opt-in-evidence",
                        optIn.toString(),
                        "--project",
                        project.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            Path stackFile = project.resolve(StackConnection.STACK_FILE);
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(stackFile) || !process.isAlive());
            assertThat(process.isAlive()).as(Files.readString(output)).isTrue();
            JsonNode stack = JSON.readTree(stackFile.toFile());
            URI api = URI.create(stack.get("apiUrl").asText());
            String token = stack.get("adminToken").asText();

            // WHEN a person complains on the form about a registered mailing, whose platform has his opt-in record,
            // and by forwarding the spam, and the abuse team works both cases
            assertThat(send(
                                    api.resolve("/admin/mailings/" + mailing + "1"),
                                    "PUT",
                                    token,
                                    "{\"accountId\":\"121070\",\"recipients\":1000,\"sentAt\":\"2026-11-27T09:00:00Z\"}")
                            .statusCode())
                    .isEqualTo(200);
            // ... whose account has a contact, to whom the notice goes, naming him: he consented
            assertThat(send(
                                    api.resolve("/admin/accounts/121070/contact"),
                                    "PUT",
                                    token,
                                    "{\"email\":\"owner@shop.example\",\"name\":\"Shop GmbH\",\"language\":\"de\"}")
                            .statusCode())
                    .isEqualTo(200);
            var posted = send(
                    api.resolve("/complaints"),
                    "POST",
                    null,
                    "{\"mailingId\":\"" + mailing + "1\",\"salutation\":\"HERR\",\"name\":\"Zacharias Quellenhof\","
                            + "\"email\":\"" + ADDRESS + "\",\"message\":\"Privatnachricht-7Q3 von mir\","
                            + "\"consentToShare\":true}");
            assertThat(posted.statusCode()).isEqualTo(202);
            // Two mailings: the first complaint of a mailing is notified at once, later ones wait for a summary.
            var replies = SmtpClient.send(smtpPort, ADDRESS, "abuse@example.com", forward(mailing + "2"));
            assertThat(replies.get(5)).startsWith("250");
            var cases = new java.util.ArrayList<JsonNode>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        cases.clear();
                        cases.addAll(casesOf(api, token, mailing + "1"));
                        cases.addAll(casesOf(api, token, mailing + "2"));
                        return cases.size() == 2
                                && cases.stream()
                                        .allMatch(c -> c.get("state").asText().equals("NOTIFIED")
                                                || c.get("state").asText().equals("WAITING_FOR_CUSTOMER"));
                    });
            String formCase = "/admin/complaints/" + mailing + "1/"
                    + casesOf(api, token, mailing + "1")
                            .get(0)
                            .get("complaintId")
                            .asText();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> JSON.readTree(send(api.resolve(formCase), "GET", token, null)
                                    .body())
                            .path("optInEvidence")
                            .path("status")
                            .asText()
                            .equals("FOUND"));
            // ... and the customer answers the notice, which names him, by SMTP
            var notice = new java.util.ArrayList<JsonNode>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        notice.clear();
                        for (JsonNode mail : JSON.readTree(send(api.resolve("/_local/outbox"), "GET", null, null)
                                .body())) {
                            if (mail.path("to").toString().contains("owner@shop.example")) {
                                notice.add(mail);
                            }
                        }
                        return !notice.isEmpty();
                    });
            assertThat(notice.get(0).path("text").asText()).contains(ADDRESS);
            String replyTo = notice.get(0).path("replyTo").asText();
            assertThat(SmtpClient.send(
                                    smtpPort,
                                    "owner@shop.example",
                                    replyTo,
                                    "From: owner@shop.example\r\nTo: " + replyTo
                                            + "\r\nSubject: Antwortbetreff-1J5\r\n\r\nKundenantwort-6W3: "
                                            + ADDRESS + " kam aus dem Formular.\r\n")
                            .get(5))
                    .startsWith("250");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> JSON.readTree(send(api.resolve(formCase), "GET", token, null)
                                    .body())
                            .path("thread")
                            .findValuesAsText("kind")
                            .contains("REPLY"));
            for (JsonNode summary : cases) {
                String path = "/admin/complaints/" + summary.get("mailingId").asText() + "/"
                        + summary.get("complaintId").asText();
                assertThat(send(api.resolve(path), "GET", token, null).body()).contains(ADDRESS);
                assertThat(send(api.resolve(path + "/csa"), "GET", token, null).statusCode())
                        .isEqualTo(200);
                assertThat(send(api.resolve(path + "/resolve"), "POST", token, "{\"note\":\"Notiz-4M9 Zacharias\"}")
                                .statusCode())
                        .isEqualTo(200);
            }
            var erased = send(api.resolve("/admin/erasures"), "POST", token, "{\"address\":\"" + ADDRESS + "\"}");
            assertThat(JSON.readTree(erased.body()).get("complaintsErased").asInt())
                    .isEqualTo(2);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            // Kept for reading when the run fails: it holds only what the check below proves harmless.
            Files.copy(output, root.resolve("cli/target/privacy-run.log"), StandardCopyOption.REPLACE_EXISTING);
        }

        // THEN the output shows the work was done and logged, and holds nothing of the person
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("\"message\":\"admin POST /admin/erasures by local-developer: 200\"")
                .contains("\"log.level\":\"INFO\"");
        for (String trace : PERSONAL) {
            assertThat(printed).as("output of the run").doesNotContainIgnoringCase(trace);
        }
    }

    private List<JsonNode> casesOf(URI api, String token, String mailing) throws IOException, InterruptedException {
        var page = JSON.readTree(send(api.resolve("/admin/mailings/" + mailing + "/complaints"), "GET", token, null)
                .body());
        var items = new java.util.ArrayList<JsonNode>();
        page.get("items").forEach(items::add);
        return items;
    }

    private HttpResponse<String> send(URI uri, String method, String token, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String forward(String mailing) {
        return MailFixtures.forwardedComplaint()
                .from("Zacharias Quellenhof", ADDRESS)
                .titled("Fwd: Betreffzeile-5V1")
                .saying("Privatnachricht-7Q3: nie bestellt. Zacharias")
                .reporting(
                        String.join(
                                "\r\n",
                                "From: Newsletter <news@shop.example.org>",
                                "To: " + ADDRESS,
                                "Subject: Betreffzeile-5V1",
                                "X-Mailing: " + mailing,
                                "X-Client: 121070",
                                "Content-Type: text/plain",
                                "",
                                "Geheimtext-Body-8K2 fuer Zacharias Quellenhof"),
                        "Angebote.eml")
                .text();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
