package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.SmtpClient;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.MailFixtures;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        local = start(aws, root);

        // WHEN a complaint is posted as JSON
        var response =
                post("/complaints", "{\"mailingId\":\"14141611\",\"email\":\"a@example.net\",\"message\":\"spam\"}");

        // THEN it is accepted with a reference ...
        assertThat(response.statusCode()).isEqualTo(202);
        String reference = JSON.readTree(response.body()).get("reference").asText();
        assertThat(reference).hasSize(26);

        // ... and soon the outbox holds the abuse team's mail naming the mailing and the reference
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(teamMailsAbout("14141611"))
                        .anySatisfy(
                                mail -> assertThat(mail.get("text").asText()).contains(reference)));
        JsonNode mail = teamMailsAbout("14141611").stream()
                .filter(m -> m.get("text").asText().contains(reference))
                .findFirst()
                .orElseThrow();
        assertThat(mail.get("to").toString()).isEqualTo("[\"abuse-team@example.com\"]");
        assertThat(mail.get("from").asText()).isEqualTo("abuse-desk@example.com");
        assertThat(mail.get("subject").asText()).startsWith("[ACTIVE] Mailing 14141611 · account unknown · ");
        assertThat(mail.get("text").asText()).contains("Mailing ID:   14141611");
        assertThat(mail.get("html").asText()).contains("<td>14141611</td>");
    }

    @Test
    void threeFormComplaints_onARegisteredMailing_flagItsAccount_asTheCommandLineShows(
            AwsEndpoint aws, ProjectRoot root, @TempDir Path temp) throws Exception {
        // GIVEN the local stack, and a mailing to 1,000 recipients registered through the command line
        local = start(aws, root);
        Path stackFile = temp.resolve("stack.json");
        StackConnection.write(
                stackFile,
                StackConnection.StackFile.of(
                        local,
                        aws.uri(),
                        aws.region().id(),
                        local.apiUrl().toString(),
                        local.tokens()
                                .mint("e2e", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(10))));
        String mailing = "m" + UUID.randomUUID().toString().substring(0, 7);
        var registered = JSON.readTree(cli(
                "mailings",
                "put",
                "--json",
                "--stack-file",
                stackFile.toString(),
                "--mailing-id",
                mailing,
                "--account-id",
                "121070",
                "--recipients",
                "1000"));
        assertThat(registered.get("recipients").asLong()).isEqualTo(1000);
        assertThat(registered.get("accountId").asText()).isEqualTo("121070");

        // WHEN three people complain through the form
        for (String person : new String[] {"a", "b", "c"}) {
            var response = post(
                    "/complaints",
                    "{\"mailingId\":\"" + mailing + "\",\"email\":\"" + person
                            + "@example.net\",\"message\":\"spam\"}");
            assertThat(response.statusCode()).isEqualTo(202);
        }

        // THEN the account is FLAGGED (0.3 %, not PAUSED: none verified) ...
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(JSON.readTree(cli(
                                        "accounts", "show", "--json", "--stack-file", stackFile.toString(), "121070"))
                                .get("status")
                                .asText())
                        .isEqualTo("FLAGGED"));
        var account = JSON.readTree(cli("accounts", "show", "--json", "--stack-file", stackFile.toString(), "121070"));
        assertThat(account.get("complaints").asLong()).isEqualTo(3);
        assertThat(account.at("/history/items/0/to").asText()).isEqualTo("FLAGGED");
        assertThat(account.at("/history/items/0/ratePercent").asText()).isEqualTo("0.3000");
        // ... the outbox holds the first complaint's mail and the escalation's mail, which names all later ones
        // (the escalation is recorded just before its mail goes out: wait for the mail too)
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(teamMailsAbout(mailing)).hasSize(2));
        var mails = teamMailsAbout(mailing);
        assertThat(mails)
                .extracting(m -> m.get("subject").asText())
                .containsExactly(
                        "[ACTIVE] Mailing " + mailing + " · account 121070 · 1 complaint · 0.10 %",
                        "[FLAGGED] Mailing " + mailing + " · account 121070 · 3 complaints · 0.30 %");
        assertThat(mails.get(1).get("text").asText()).contains("b@example.net", "c@example.net");
        // ... and the three addresses are suppressed for the account
        var suppressions = JSON.readTree(
                cli("suppressions", "list", "--json", "--stack-file", stackFile.toString(), "--account-id", "121070"));
        assertThat(suppressions.get("items").findValuesAsText("addressHash"))
                .containsExactlyInAnyOrder(
                        AddressHash.of("a@example.net").value(),
                        AddressHash.of("b@example.net").value(),
                        AddressHash.of("c@example.net").value());
    }

    @Test
    void aRejectedComplaint_isNeitherStoredNorNotified(AwsEndpoint aws, ProjectRoot root) throws Exception {
        local = start(aws, root);

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
        local = start(aws, root);

        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(get("/complaints").statusCode()).isEqualTo(405);
    }

    private List<JsonNode> teamMailsAbout(String mailing) throws IOException, InterruptedException {
        var mails = new ArrayList<JsonNode>();
        for (JsonNode mail : JSON.readTree(get("/_local/outbox").body())) {
            if (mail.get("to").toString().contains("abuse-team@example.com")
                    && mail.get("subject").asText().contains("Mailing " + mailing + " ")) {
                mails.add(mail);
            }
        }
        return mails;
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

        // ... and within 15 s the abuse team's mail names the Mailing ID; the account the mail claims in its unsigned
        // X-Client is shown as evidence, but the mailing is not registered, so no account is held to it
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                JSON.readTree(get("/_local/outbox").body()).findValuesAsText("subject"))
                        .anyMatch(subject -> subject.startsWith("[ACTIVE] Mailing 14141611 · account unknown · ")));
        JsonNode mail = null;
        for (JsonNode sent : JSON.readTree(get("/_local/outbox").body())) {
            if (sent.get("subject").asText().startsWith("[ACTIVE] Mailing 14141611 · account unknown · ")
                    && sent.get("text").asText().contains("Channel:      MAIL")) {
                mail = sent;
            }
        }
        assertThat(mail.get("to").toString()).isEqualTo("[\"abuse-team@example.com\"]");
        assertThat(mail.get("text").asText())
                .contains("Mailing ID:   14141611")
                .contains("Account:      unknown (ACTIVE)")
                .contains("Channel:      MAIL");
        assertThat(mail.get("html").asText()).contains("<td>14141611</td>").contains("<td>unknown (ACTIVE)</td>");
    }

    @Test
    void aBounceMailedToTheSmtpListener_isStored_butNeverNotified(AwsEndpoint aws, ProjectRoot root) throws Exception {
        // GIVEN the local stack with its SMTP listener
        local = startWithSmtp(aws, root);
        int smtpPort = local.smtpReceivers().get(0).port();

        // WHEN a delivery status notification returning one of our mails arrives (a Mailing ID no other test uses)
        String mailing = Long.toString(900_000_000L + new java.util.Random().nextInt(99_999_999));
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
                "X-Mailing: " + mailing,
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
                                assertThat(item.get("mailingId").s()).isEqualTo(mailing);
                                assertThat(item.get("classification").s()).isEqualTo("BOUNCE");
                            }));
        }
        // ... and the pipe, relayed and polled to the end, passes nothing on to the abuse team
        local.drain();
        local.drain();
        assertThat(JSON.readTree(get("/_local/outbox").body()).findValuesAsText("subject"))
                .noneMatch(subject -> subject.contains("Mailing " + mailing + " "));
    }

    @Test
    void aMailPutIntoTheBucketWithoutItsEvent_isTakenInByReconcile_andReachesTheAbuseTeam_once(
            AwsEndpoint aws, ProjectRoot root, @TempDir Path temp) throws Exception {
        // GIVEN the local stack, its stack file, and a complaint mail put where SES stores mail, with no event
        local = start(aws, root);
        Path stackFile = temp.resolve("stack.json");
        var environments = new java.util.HashMap<String, java.util.Map<String, String>>();
        local.stack().functions().forEach(f -> environments.put(f.logicalId(), f.environment()));
        StackConnection.write(
                stackFile,
                new StackConnection.StackFile(
                        aws.uri().toString(), aws.region().id(), local.stack().outputs(), environments));
        String mailing = Long.toString(800_000_000L + new java.util.Random().nextInt(99_999_999));
        String receiptId = "r" + UUID.randomUUID().toString().replace("-", "");
        try (var s3 = aws.s3()) {
            s3.putObject(
                    r -> r.bucket(local.stack().ref("InboundMailBucket")).key("inbound/" + receiptId),
                    software.amazon.awssdk.core.sync.RequestBody.fromString(
                            complaintMail().replace("14141611", mailing), StandardCharsets.UTF_8));
        }

        // WHEN reconcile runs, taking in mail of any age
        var report = JSON.readTree(
                cli("reconcile", "--stack-file", stackFile.toString(), "--mail-older-than", "0s", "--json"));

        // THEN it took the mail in: one complaint, under the mail's Mailing ID ...
        assertThat(report.get("mailsExamined").asInt()).isEqualTo(1);
        assertThat(report.get("mailsRedriven").asInt()).isEqualTo(1);
        assertThat(report.get("complaintsStored").asInt()).isEqualTo(1);
        assertThat(report.get("failures").asInt()).isZero();
        assertThat(report.at("/redrivenMails/0/receiptId").asText()).isEqualTo(receiptId);
        assertThat(report.at("/storedComplaints/0/mailingId").asText()).isEqualTo(mailing);
        String complaintId = report.at("/storedComplaints/0/complaintId").asText();
        // ... which the pipe and processor bring to the abuse team like any mailed complaint
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(teamMailsAbout(mailing))
                        .singleElement()
                        .satisfies(mail -> assertThat(mail.get("text").asText())
                                .contains(complaintId)
                                .contains("Channel:      MAIL")
                                .contains("Account:      unknown (ACTIVE)")));

        // ... and WHEN it runs again, THEN it takes nothing in and queues nothing
        String again = cli("reconcile", "--stack-file", stackFile.toString(), "--mail-older-than", "0s");
        assertThat(again.lines())
                .contains(
                        "mailsExamined:      1",
                        "mailsRedriven:      0",
                        "complaintsStored:   0",
                        "complaintsRequeued: 0",
                        "failures:           0");
        assertThat(teamMailsAbout(mailing)).hasSize(1);
    }

    @Test
    void aFormComplaint_givesTheCustomerANotice_whoseReplyBySmtpLandsInTheCase_uncounted_andInTheCsaBundle(
            AwsEndpoint aws, ProjectRoot root, @TempDir Path temp) throws Exception {
        // GIVEN the local stack with its SMTP listener; account 121070 with a contact, its mailing to 1,000
        local = startWithSmtp(aws, root);
        int smtpPort = local.smtpReceivers().get(0).port();
        String stack = stackFile(temp, aws).toString();
        cli(
                "accounts",
                "put",
                "--stack-file",
                stack,
                "--account-id",
                "121070",
                "--contact-email",
                "owner@shop.example",
                "--contact-name",
                "Shop GmbH",
                "--language",
                "de");
        cli(
                "mailings",
                "put",
                "--stack-file",
                stack,
                "--mailing-id",
                "14141611",
                "--account-id",
                "121070",
                "--recipients",
                "1000");

        // WHEN a complaint is posted through the form, without consent
        var response = post(
                "/complaints", "{\"mailingId\":\"14141611\",\"email\":\"erika@example.net\",\"message\":\"spam\"}");
        String reference = JSON.readTree(response.body()).get("reference").asText();

        // THEN the outbox holds a notice to the contact that names the mailing and not the complainant
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(outbox())
                        .anySatisfy(mail -> assertThat(mail.get("subject").asText())
                                .isEqualTo("Beschwerde zu Ihrem Mailing 14141611 (Vorgang " + reference + ")")));
        JsonNode notice = outbox().stream()
                .filter(mail -> mail.get("subject").asText().contains(reference)
                        && mail.get("subject").asText().startsWith("Beschwerde"))
                .findFirst()
                .orElseThrow();
        assertThat(notice.get("to").toString()).isEqualTo("[\"owner@shop.example\"]");
        assertThat(notice.get("text").asText())
                .contains("Mailing-ID:   14141611")
                .doesNotContain("erika");
        String replyTo = notice.get("replyTo").asText();
        assertThat(replyTo).startsWith("abuse+r-").endsWith("@example.com");
        long counted = JSON.readTree(cli("accounts", "show", "--json", "--stack-file", stack, "121070"))
                .get("complaints")
                .asLong();

        // WHEN the customer answers the notice with a plain SMTP client
        var replies = SmtpClient.send(
                smtpPort,
                "owner@shop.example",
                replyTo,
                "From: Shop GmbH <owner@shop.example>\r\nTo: " + replyTo + "\r\nSubject: Re: Beschwerde\r\n"
                        + "Message-ID: <reply-1@shop.example>\r\n\r\nDie Adresse kam am 1. Oktober über unser"
                        + " Anmeldeformular, bestätigt um 10:05.\r\n");
        assertThat(replies.get(5)).startsWith("250");

        // THEN the case shows the reply after the notice, open again, and the account's counters are unchanged
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(
                                caseFile(stack, reference).get("thread").findValuesAsText("kind"))
                        .containsExactly("NOTICE", "REPLY"));
        var file = caseFile(stack, reference);
        assertThat(file.get("state").asText()).isEqualTo("NOTIFIED");
        assertThat(file.at("/thread/1/text").asText()).contains("Anmeldeformular");
        assertThat(JSON.readTree(cli("accounts", "show", "--json", "--stack-file", stack, "121070"))
                        .get("complaints")
                        .asLong())
                .isEqualTo(counted);
        // ... and the team was told where the reply is, not what it says
        assertThat(outbox()).anySatisfy(mail -> {
            assertThat(mail.get("subject").asText()).startsWith("Customer replied: case " + reference);
            assertThat(mail.get("text").asText()).doesNotContain("Anmeldeformular");
        });

        // WHEN a mail comes to a forged reply address: a forwarded complaint about the same mailing
        String forged = replyTo.substring(0, replyTo.indexOf('@') - 6) + "000000@example.com";
        SmtpClient.send(smtpPort, "erika.muster@example.net", forged, complaintMail());

        // THEN it is an ordinary complaint, counted against the account, and in no thread
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(
                                JSON.readTree(cli("accounts", "show", "--json", "--stack-file", stack, "121070"))
                                        .get("complaints")
                                        .asLong())
                        .isEqualTo(counted + 1));
        assertThat(caseFile(stack, reference).get("thread")).hasSize(2);

        // ... and the CSA bundle of the case holds the notice and the reply, with their times
        var bundle = JSON.readTree(cli("export", "csa", "--stack-file", stack, "14141611", reference));
        assertThat(bundle.get("thread").findValuesAsText("kind")).containsExactly("NOTICE", "REPLY");
        assertThat(bundle.at("/thread/0/to").asText()).isEqualTo("owner@shop.example");
        assertThat(bundle.at("/thread/1/from").asText()).isEqualTo("owner@shop.example");
        assertThat(bundle.at("/thread/1/at").asText()).isNotEmpty();
    }

    private Path stackFile(Path temp, AwsEndpoint aws) throws IOException {
        Path stackFile = temp.resolve("stack.json");
        StackConnection.write(
                stackFile,
                StackConnection.StackFile.of(
                        local,
                        aws.uri(),
                        aws.region().id(),
                        local.apiUrl().toString(),
                        local.tokens()
                                .mint("e2e", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(10))));
        return stackFile;
    }

    private static JsonNode caseFile(String stack, String reference) throws IOException {
        return JSON.readTree(cli("complaints", "show", "--json", "--stack-file", stack, "14141611", reference));
    }

    private List<JsonNode> outbox() throws IOException, InterruptedException {
        var mails = new ArrayList<JsonNode>();
        JSON.readTree(get("/_local/outbox").body()).forEach(mails::add);
        return mails;
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
        return MailFixtures.forwardedComplaint().text();
    }

    /** The local stack of template.yaml on the moto server, under a stack name of its own, its API on a free port. */
    private static LocalStack start(AwsEndpoint aws, ProjectRoot root) {
        return LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "e2e" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS));
    }

    /** Runs the command line in this JVM and returns what it printed. */
    private static String cli(String... args) {
        var out = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new AbuseDesk()).execute(args);
            assertThat(exit).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theAdminRoutes_takeOnlyTheLocalIssuersTokens_withTheRightScope(AwsEndpoint aws, ProjectRoot root)
            throws Exception {
        // GIVEN the local stack, its development tokens, and a mailing to register through the admin API
        local = start(aws, root);
        String reader = local.tokens().mint("reader", List.of("abuse-desk/read"), Duration.ofMinutes(5));
        String writer =
                local.tokens().mint("writer", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(5));
        String mailing = "a" + UUID.randomUUID().toString().substring(0, 7);
        String path = "/admin/mailings/" + mailing;
        String registration = "{\"accountId\":\"121070\",\"recipients\":1000,\"sentAt\":\"2026-11-27T09:00:00Z\"}";

        // WHEN it is put without a token, with the read token, and with the write token, then read back
        int anonymous = admin("PUT", path, null, registration).statusCode();
        int readOnly = admin("PUT", path, reader, registration).statusCode();
        int written = admin("PUT", path, writer, registration).statusCode();
        var shown = admin("GET", path, reader, null);

        // THEN the gateway refused the first two before the function, and the third registered it
        assertThat(List.of(anonymous, readOnly, written)).containsExactly(401, 403, 200);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()).get("recipients").asLong()).isEqualTo(1000);
        assertThat(admin("GET", "/admin/mailings/unregistered" + mailing, reader, null)
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> admin(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
