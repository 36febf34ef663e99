package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.SmtpClient;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.TestDkim;
import org.abusedesk.testkit.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The forged-report attack on the whole local stack: the SMTP listener computes SPF, DKIM and DMARC from the test's
 * own DNS server, the inbound function looks DKIM keys up in it on the wire. An attacker's ARF reports, signed by
 * its own domain and passing every check SES makes, leave a customer below PAUSED; a configured reporter's pause it,
 * and a report sent again counts once.
 */
@ExtendWith(MotoExtension.class)
@Timeout(300)
class ForgedReportsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATTACKER = "attacker.example.net";
    private static final String REPORTER = "arf.mail.yahoo.com";
    private static final String ACCOUNT = "121070";

    private final HttpClient http = HttpClient.newHttpClient();
    private TestDnsServer dns;
    private LocalStack local;

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void twentyForgedReports_leaveTheAccountBelowPaused_tenGenuineOnesPauseIt_andASecondCopyCountsOnce(
            AwsEndpoint aws, ProjectRoot root) throws Exception {
        // GIVEN a DNS zone with the attacker's domain (SPF for 127.0.0.1, its own DKIM key, a DMARC record) and the
        // reporter's (the same), the local stack asking it, and a registered mailing of 1,000 recipients
        dns = TestDnsServer.start();
        var attacker = TestDkim.generate(ATTACKER, "k1").publishIn(dns);
        var reporter = TestDkim.generate(REPORTER, "s1024").publishIn(dns);
        for (String domain : List.of(ATTACKER, REPORTER)) {
            dns.txt(domain, "v=spf1 ip4:127.0.0.1 -all").txt("_dmarc." + domain, "v=DMARC1; p=reject");
        }
        var parameters = new HashMap<>(MotoExtension.TEST_PARAMETERS);
        parameters.put("FeedbackReporters", REPORTER);
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "forged" + UUID.randomUUID().toString().substring(0, 8),
                        Map.copyOf(parameters),
                        0,
                        dns.hostPort()));
        String token =
                local.tokens().mint("e2e", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(10));
        String mailing = Long.toString(600_000_000L + new Random().nextInt(99_999_999));
        var registered = admin(
                "PUT",
                "/admin/mailings/" + mailing,
                token,
                "{\"accountId\":\"" + ACCOUNT + "\",\"recipients\":1000,\"sentAt\":\"2026-12-01T09:00:00Z\"}");
        assertThat(registered.statusCode()).isEqualTo(200);
        int smtp = local.smtpReceivers().get(0).port();

        // WHEN the attacker sends 20 ARF reports on that mailing, each about another recipient, signed by its domain
        for (int i = 0; i < 20; i++) {
            String report = attacker.sign(arf("fbl@" + ATTACKER, mailing, "victim" + i + "@example.net"));
            assertThat(SmtpClient.send(smtp, "fbl@" + ATTACKER, "abuse@example.com", report)
                            .get(5))
                    .startsWith("250");
        }

        // THEN all 20 are stored and counted, each unverified and saying why, and the account is not PAUSED
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(complaints(aws, mailing))
                        .hasSize(20)
                        .allSatisfy(c -> assertThat(c.get("state").s()).isIn("COUNTED", "NOTIFIED")));
        assertThat(complaints(aws, mailing)).allSatisfy(c -> {
            assertThat(c.get("verified").bool()).isFalse();
            assertThat(c.get("verification").s()).isEqualTo("REPORTER_NOT_PROVEN");
            assertThat(c.get("provenance").m().get("verdicts").m().get("dkim").s())
                    .as("SES's verdict, which the desk no longer trusts alone")
                    .isEqualTo("PASS");
        });
        var afterForgeries = account(token);
        assertThat(afterForgeries.get("status").asText()).isNotEqualTo("PAUSED");
        assertThat(afterForgeries.get("verifiedComplaints").asLong()).isZero();

        // WHEN the reporter sends 10 genuine reports, and the first of them arrives a second time
        String first = null;
        for (int i = 0; i < 10; i++) {
            String report = reporter.sign(arf(
                    "Yahoo! Mail AntiSpam Feedback <feedback@" + REPORTER + ">",
                    mailing,
                    "complainant" + i + "@example.org"));
            first = first == null ? report : first;
            SmtpClient.send(smtp, "bounces@" + REPORTER, "abuse@example.com", report);
        }
        SmtpClient.send(smtp, "bounces@" + REPORTER, "abuse@example.com", first);

        // THEN the account is PAUSED on ten verified complaints; the copy is stored as a replay that counted nothing
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertThat(account(token).get("status").asText()).isEqualTo("PAUSED"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(complaints(aws, mailing))
                        .hasSize(31)
                        .allSatisfy(c -> assertThat(c.get("state").s()).isIn("COUNTED", "NOTIFIED")));
        var byRule = new HashMap<String, Integer>();
        complaints(aws, mailing).forEach(c -> byRule.merge(c.get("verification").s(), 1, Integer::sum));
        assertThat(byRule)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("REPORTER_NOT_PROVEN", 20, "SIGNED_BY_REPORTER", 10, "REPLAY", 1));
        var paused = account(token);
        assertThat(paused.get("verifiedComplaints").asLong()).isEqualTo(10);
        assertThat(paused.get("complaints").asLong()).isEqualTo(30);
    }

    private List<Map<String, AttributeValue>> complaints(AwsEndpoint aws, String mailing) {
        try (var dynamoDb = aws.dynamoDb()) {
            return dynamoDb
                    .query(r -> r.tableName(local.stack().ref("ComplaintsTable"))
                            .keyConditionExpression("mailingId = :m")
                            .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(mailing))))
                    .items()
                    .stream()
                    .filter(item -> "complaint".equals(item.get("itemType").s()))
                    .toList();
        }
    }

    private JsonNode account(String token) throws IOException, InterruptedException {
        var response = admin("GET", "/admin/accounts/" + ACCOUNT, token, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** An ARF abuse report on the mailing, for one recipient, as a mailbox provider writes it. */
    private static String arf(String from, String mailing, String recipient) {
        String id = UUID.randomUUID().toString();
        return String.join(
                "\r\n",
                "From: " + from,
                "To: abuse@example.com",
                "Subject: Complaint about message from 192.0.2.25",
                "Date: Mon, 7 Dec 2026 10:00:00 +0000",
                "Message-ID: <" + id + "@report.example>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=feedback-report; boundary=\"r\"",
                "",
                "--r",
                "Content-Type: text/plain",
                "",
                "This is an abuse report for a message received from 192.0.2.25.",
                "--r",
                "Content-Type: message/feedback-report",
                "",
                "Feedback-Type: abuse",
                "User-Agent: ReportGenerator/1.0",
                "Version: 1",
                "Original-Rcpt-To: " + recipient,
                "",
                "--r",
                "Content-Type: message/rfc822",
                "",
                "From: Newsletter <news@mail.example.com>",
                "To: " + recipient,
                "Subject: Angebote",
                "Message-ID: <" + id + "@mail.example.com>",
                "X-Mailing: " + mailing,
                "Content-Type: text/plain",
                "",
                "Jetzt kaufen!",
                "--r--",
                "");
    }

    private HttpResponse<String> admin(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(local.apiUrl().resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json")
                .header("authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
