package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.ReceiptChecks;
import org.abusedesk.local.SmtpClient;
import org.abusedesk.local.SmtpReceiver;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.TestDkim;
import org.abusedesk.testkit.TestDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local SMTP listener's SPF, DKIM and DMARC verdicts, as SES receiving gives them, from the test's own DNS
 * zone: a newsletter domain that publishes SPF for 127.0.0.1, a DKIM key and a reject policy, and an attacker's
 * domain with SPF and a key of its own.
 */
@ExtendWith(MotoExtension.class)
@Timeout(120)
class SmtpVerdictsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OURS = "news.example.org";
    private static final String ATTACKER = "attacker.example.net";

    private static TestDnsServer dns;
    private static TestDkim ourKey;
    private static TestDkim attackerKey;

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private SmtpReceiver receiver;
    private LocalStack local;

    @BeforeAll
    static void zone() {
        dns = TestDnsServer.start();
        ourKey = TestDkim.generate(OURS, "s1").publishIn(dns);
        attackerKey = TestDkim.generate(ATTACKER, "k1").publishIn(dns);
        dns.txt(OURS, "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc." + OURS, "v=DMARC1; p=reject; rua=mailto:dmarc@" + OURS)
                .txt(ATTACKER, "v=spf1 a -all")
                .a(ATTACKER, "127.0.0.1")
                .txt("elsewhere.example.com", "v=spf1 ip4:192.0.2.0/24 -all");
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void signedMailFromAnAllowedEnvelope_passesSpfDkimAndDmarc(Stack stack) throws Exception {
        listen(stack, ReceiptChecks.using(dns.hostPort()));

        var receipt = send("bounce-121070@" + OURS, ourKey.sign(newsletter("news@" + OURS)));

        assertThat(verdicts(receipt)).containsExactly("PASS", "PASS", "PASS");
        assertThat(receipt.has("dmarcPolicy")).isFalse();
        assertThat(receipt.get("spamVerdict").get("status").asText()).isEqualTo("DISABLED");
        assertThat(receipt.get("virusVerdict").get("status").asText()).isEqualTo("DISABLED");
    }

    @Test
    void spoofedFrom_withTheAttackersOwnSpfAndSignature_passesSpfAndDkim_butFailsDmarc(Stack stack) throws Exception {
        // GIVEN an attacker sending from its own envelope and signing with its own key, our domain in From:
        listen(stack, ReceiptChecks.using(dns.hostPort()));

        var receipt = send("x@" + ATTACKER, attackerKey.sign(newsletter("news@" + OURS)));

        // THEN neither pass is aligned with From:, and SES names our policy
        assertThat(verdicts(receipt)).containsExactly("PASS", "PASS", "FAIL");
        assertThat(receipt.get("dmarcPolicy").get("status").asText()).isEqualTo("REJECT");
    }

    @Test
    void unsignedMail_getsNoDkimPass_andDmarcPassesOnAlignedSpfAlone(Stack stack) throws Exception {
        listen(stack, ReceiptChecks.using(dns.hostPort()));

        var receipt = send("bounce@" + OURS, newsletter("news@" + OURS));

        assertThat(verdicts(receipt)).containsExactly("PASS", "GRAY", "PASS");
    }

    @Test
    void changedBody_failsDkim_andAnEnvelopeNotAllowedHere_failsSpf_soDmarcFails(Stack stack) throws Exception {
        listen(stack, ReceiptChecks.using(dns.hostPort()));
        String signed = ourKey.sign(newsletter("news@" + OURS)).replace("Jetzt kaufen.", "Jetzt hier kaufen.");

        var receipt = send("x@elsewhere.example.com", signed);

        assertThat(verdicts(receipt)).containsExactly("FAIL", "FAIL", "FAIL");
        assertThat(receipt.get("dmarcPolicy").get("status").asText()).isEqualTo("REJECT");
    }

    @Test
    void twoFromFields_failDmarc_andAStrangerWithoutAnyRecord_isGray(Stack stack) throws Exception {
        listen(stack, ReceiptChecks.using(dns.hostPort()));

        var twoFroms = send("bounce@" + OURS, "From: a@" + OURS + "\r\n" + newsletter("b@" + ATTACKER));
        var stranger = send("x@unknown.example.com", newsletter("x@unknown.example.com"));

        assertThat(verdicts(twoFroms)).containsExactly("PASS", "GRAY", "FAIL");
        assertThat(verdicts(stranger)).containsExactly("GRAY", "GRAY", "GRAY");
    }

    @Test
    void fromFieldOfTenThousandMailboxes_failsDmarc_withoutBeingParsed(Stack stack) throws Exception {
        listen(stack, ReceiptChecks.using(dns.hostPort()));
        String mailboxes = String.join(",\r\n ", java.util.Collections.nCopies(10_000, "news@" + OURS));

        var receipt = send("bounce@" + OURS, withFrom(mailboxes));

        // THEN no author domain is read from it, and jDKIM's parser refuses a header field that long
        assertThat(verdicts(receipt)).containsExactly("PASS", "PROCESSING_FAILED", "FAIL");
    }

    @Test
    void dnsServerThatNeverAnswers_givesProcessingFailed_notPass(Stack stack) throws Exception {
        try (var down = TestDnsServer.start()) {
            down.silence();
            listen(stack, ReceiptChecks.using(down.hostPort()));

            var receipt = send("bounce@" + OURS, ourKey.sign(newsletter("news@" + OURS)));

            assertThat(verdicts(receipt))
                    .containsExactly("PROCESSING_FAILED", "PROCESSING_FAILED", "PROCESSING_FAILED");
        }
    }

    @Test
    void withoutADnsServer_everyVerdictStaysDisabled(Stack stack) throws Exception {
        listen(stack, ReceiptChecks.disabled());
        int before = dns.queries().size();

        var receipt = send("bounce@" + OURS, ourKey.sign(newsletter("news@" + OURS)));

        assertThat(verdicts(receipt)).containsExactly("DISABLED", "DISABLED", "DISABLED");
        assertThat(dns.queries()).hasSize(before);
    }

    @Test
    void localStackWithADnsServer_handsItToTheListenerAndTheInboundFunctions(AwsEndpoint aws, ProjectRoot root)
            throws Exception {
        // GIVEN the local stack started with the test's DNS server
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "dns" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS,
                        0,
                        dns.hostPort()));

        // THEN the functions that check DKIM ask it for keys, and the listener asks it for its verdicts
        assertThat(local.stack().function("InboundMailFunction").environment())
                .containsEntry("DNS_RESOLVER", dns.hostPort());
        assertThat(local.stack().function("ReconcilerFunction").environment())
                .containsEntry("DNS_RESOLVER", dns.hostPort());
        int before = dns.queries().size();
        var replies = SmtpClient.send(
                local.smtpReceivers().get(0).port(),
                "bounce@" + OURS,
                "abuse@example.com",
                ourKey.sign(newsletter("news@" + OURS)));
        assertThat(replies.get(5)).startsWith("250 ");
        assertThat(dns.queries().subList(before, dns.queries().size()))
                .extracting(TestDnsServer.Query::name)
                .contains(OURS + ".", "s1._domainkey." + OURS + ".", "_dmarc." + OURS + ".");
    }

    private void listen(Stack stack, ReceiptChecks checks) {
        var rule = stack.receiptRules().get(0);
        RequestStreamHandler handler = (in, out, context) -> events.add(JSON.readTree(in));
        receiver = new SmtpReceiver(
                "127.0.0.1", 0, rule, stack.functionByArn(rule.functionArn()), handler, stack.aws(), checks);
        receiver.start();
    }

    /** Sends the mail to the abuse address; returns the receipt of the event the function got. */
    private JsonNode send(String envelopeFrom, String mail) throws Exception {
        var replies = SmtpClient.send(receiver.port(), envelopeFrom, "abuse@example.com", mail);
        assertThat(replies.get(5)).startsWith("250 ");
        JsonNode event = events.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("the event of the mail").isNotNull();
        return event.get("Records").get(0).get("ses").get("receipt");
    }

    private static List<String> verdicts(JsonNode receipt) {
        return List.of(
                receipt.get("spfVerdict").get("status").asText(),
                receipt.get("dkimVerdict").get("status").asText(),
                receipt.get("dmarcVerdict").get("status").asText());
    }

    private static String newsletter(String from) {
        return withFrom("Newsletter <" + from + ">");
    }

    private static String withFrom(String fromField) {
        return String.join(
                "\r\n",
                "From: " + fromField,
                "To: erika.muster@example.net",
                "Subject: Grosse Rabatte nur heute",
                "Date: Mon, 7 Dec 2026 09:00:00 +0000",
                "Message-ID: <m14141611.r42@" + OURS + ">",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Jetzt kaufen.",
                "");
    }
}
