package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abusedesk.complaint.Verification;
import org.abusedesk.testkit.TestDkim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evidence an attacker can make, read as the desk reads it: each case is a mail that would have counted as verified
 * (and so towards pausing a customer) when SES's DKIM verdict or any header copy was trusted, and is not now; beside
 * them the genuine cases that are.
 */
class ForgedEvidenceCatalogueTest {

    private static final String ORIGINAL = Fixtures.NEWSLETTER;

    private static TestDkim ours;
    private static TestDkim yahoo;
    private static TestDkim attacker;

    @BeforeAll
    static void keys() {
        ours = TestDkim.generate("mail.example.com", "s1");
        yahoo = TestDkim.generate("arf.mail.yahoo.com", "s1");
        attacker = TestDkim.generate("attacker.example", "s1");
    }

    private MailReader reader() {
        var keys = ConfiguredKeys.of(Map.of(
                ours.recordName(), ours.keyRecord(),
                yahoo.recordName(), yahoo.keyRecord(),
                attacker.recordName(), attacker.keyRecord()));
        return new MailReader(
                InboundLimits.DEFAULT,
                ResolutionProfile.DEFAULT,
                new DkimVerifier(Set.of("example.com"), keys),
                new FeedbackReporters(Set.of("arf.mail.yahoo.com"), keys));
    }

    @Test
    void arfSignedByAStrangersDomain_isNotVerified_thoughEverySignatureInItPasses() {
        // GIVEN an ARF report the attacker signed with its own domain, about a mail it wrote naming our mailing
        var report = sign(arf("fbl@attacker.example", ORIGINAL), "from:to:subject", attacker);

        // WHEN it is read
        var read = reader().read(report).reports().get(0);

        // THEN the mailing is found, but the complaint is not verified, and says why
        assertThat(read.resolution().mailingId()).contains("14141611");
        assertThat(read.verification()).isEqualTo(Verification.REPORTER_NOT_PROVEN);
        assertThat(read.signature()).isEmpty();
    }

    @Test
    void arfSignedByAConfiguredReporter_alignedWithItsFrom_isVerified_andCarriesTheSignatureToCountOnce() {
        // GIVEN a report signed by the reporter whose domain its From: is in
        var report = sign(
                arf("Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.com>", ORIGINAL), "from:to:subject", yahoo);

        // WHEN it is read
        var read = reader().read(report).reports().get(0);

        // THEN it is verified by the reporter rule, with the signature's id
        assertThat(read.verification()).isEqualTo(Verification.SIGNED_BY_REPORTER);
        assertThat(read.signature()).get().asString().hasSize(64);
    }

    @Test
    void reporterSignedReport_withASecondFromAddedAboveTheSignedOne_isNobodysReport() {
        // GIVEN a genuine reporter-signed report with a second From: added on top
        var signed = sign(arf("feedback@arf.mail.yahoo.com", ORIGINAL), "from:to:subject", yahoo);
        var report = concat("From: feedback@arf.mail.yahoo.com\r\n", signed);

        // THEN no reporter vouches for it
        assertThat(reader().read(report).reports().get(0).verification()).isEqualTo(Verification.REPORTER_NOT_PROVEN);
    }

    @Test
    void reportSignedByTheAttacker_butFromTheReportersAddress_isNotVerified() {
        // GIVEN a report From: the reporter's address, signed by the attacker's domain
        var report = sign(arf("feedback@arf.mail.yahoo.com", ORIGINAL), "from:to:subject", attacker);

        // THEN the signature is not the reporter's: not verified
        assertThat(reader().read(report).reports().get(0).verification()).isEqualTo(Verification.REPORTER_NOT_PROVEN);
    }

    @Test
    void reporterSignedReport_aboutAMessageNamingNoMailing_isNotVerified() {
        var original = ORIGINAL.replace("X-Mailing: 14141611\r\n", "").replace("/c/14141611/x", "/");
        var report = sign(arf("feedback@arf.mail.yahoo.com", original), "from:to:subject", yahoo);

        assertThat(reader().read(report).reports().get(0).verification()).isEqualTo(Verification.NO_MAILING_NAMED);
    }

    @Test
    void signedMessage_forwardedAsAttachment_isVerifiedByOurSignature() {
        var original = sign(ORIGINAL, "from:to:subject:message-id:x-mailing", ours);

        var read = reader().read(forward(original)).reports().get(0);

        assertThat(read.verification()).isEqualTo(Verification.SIGNED_BY_SENDER);
        assertThat(read.resolution().mailingId()).contains("14141611");
        assertThat(read.signature()).isPresent();
    }

    @Test
    void anotherMailingIdHeaderAddedAboveTheSignedOne_isAConflict_andNotVerified() {
        // GIVEN a signed message with an unsigned X-Mailing for another customer's mailing put on top
        var signed = sign(ORIGINAL, "from:to:subject:message-id:x-mailing", ours);
        var tampered = concat("X-Mailing: 99999999\r\n", signed);

        // WHEN it is forwarded and read
        var read = reader().read(forward(tampered)).reports().get(0);

        // THEN the signature still verifies (DKIM covers the bottom-most instance), but the complaint is a conflict,
        // unverified, and the signed value is the one chosen
        assertThat(read.dkim().verified()).isTrue();
        assertThat(read.resolution().conflict()).isTrue();
        assertThat(read.resolution().mailingId()).contains("14141611");
        assertThat(read.verification()).isEqualTo(Verification.UNSIGNED_COPY);
    }

    @Test
    void signedMessage_whoseSignatureDoesNotCoverTheMailingIdHeader_isNotVerified() {
        var signed = sign(ORIGINAL, "from:to:subject:message-id", ours);

        var read = reader().read(forward(signed)).reports().get(0);

        assertThat(read.dkim().verified()).isTrue();
        assertThat(read.verification()).isEqualTo(Verification.MAILING_ID_NOT_SIGNED);
    }

    @Test
    void signedMessage_whoseBodyWasChanged_isNotVerified() {
        var signed = new String(sign(ORIGINAL, "from:to:subject:message-id:x-mailing", ours), StandardCharsets.UTF_8)
                .replace("Jetzt kaufen", "Jetzt klicken");

        var read = reader().read(forward(signed.getBytes(StandardCharsets.UTF_8)))
                .reports()
                .get(0);

        assertThat(read.verification()).isEqualTo(Verification.SIGNATURE_INVALID);
    }

    @Test
    void unsignedXClient_isKeptAsEvidence_butNotSigned() {
        var original = ORIGINAL.replace("X-Mailing: 14141611", "X-Mailing: 14141611\r\nX-Client: 999999");
        var signed = sign(original, "from:to:subject:message-id:x-mailing", ours);

        var read = reader().read(forward(signed)).reports().get(0);

        assertThat(read.verification()).isEqualTo(Verification.SIGNED_BY_SENDER);
        assertThat(read.resolution().accountId()).contains("999999");
        assertThat(read.resolution().accountSigned()).isFalse();
    }

    @Test
    void signedXClient_namesTheAccount() {
        var original = ORIGINAL.replace("X-Mailing: 14141611", "X-Mailing: 14141611\r\nX-Client: 121070");
        var signed = sign(original, "from:to:subject:message-id:x-mailing:x-client", ours);

        var read = reader().read(forward(signed)).reports().get(0);

        assertThat(read.resolution().accountId()).contains("121070");
        assertThat(read.resolution().accountSigned()).isTrue();
    }

    private static byte[] arf(String from, String original) {
        return lines(
                        "From: " + from,
                        "To: abuse@example.com",
                        "Subject: Complaint about message",
                        "MIME-Version: 1.0",
                        "Content-Type: multipart/report; report-type=feedback-report; boundary=b",
                        "",
                        "--b",
                        "Content-Type: text/plain",
                        "",
                        "This is an abuse report.",
                        "--b",
                        "Content-Type: message/feedback-report",
                        "",
                        "Feedback-Type: abuse",
                        "User-Agent: test/1.0",
                        "Version: 1",
                        "",
                        "--b",
                        "Content-Type: message/rfc822",
                        "",
                        original,
                        "--b--",
                        "")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] forward(byte[] original) {
        return concat(
                lines(
                        "From: Erika Muster <erika.muster@example.net>",
                        "To: abuse@example.com",
                        "Subject: Fwd: Spam",
                        "MIME-Version: 1.0",
                        "Content-Type: multipart/mixed; boundary=f",
                        "",
                        "--f",
                        "Content-Type: text/plain",
                        "",
                        "Bitte stoppen.",
                        "--f",
                        "Content-Type: message/rfc822",
                        "",
                        ""),
                concat(original, "\r\n--f--\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    private static String lines(String... lines) {
        return String.join("\r\n", lines);
    }

    private static byte[] concat(String head, byte[] tail) {
        return concat(head.getBytes(StandardCharsets.UTF_8), tail);
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        var all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static byte[] sign(byte[] message, String headers, TestDkim key) {
        return sign(new String(message, StandardCharsets.UTF_8), headers, key);
    }

    /** The message with the key's DKIM-Signature over the given headers. */
    private static byte[] sign(String message, String headers, TestDkim key) {
        return key.sign(message, List.of(headers.split(":"))).getBytes(StandardCharsets.UTF_8);
    }
}
