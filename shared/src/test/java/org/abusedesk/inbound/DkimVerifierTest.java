package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.abusedesk.complaint.DkimCheck;
import org.abusedesk.testkit.MailFixtures;
import org.apache.james.jdkim.DKIMSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DKIM proof with a key pair made for the test, signed with jDKIM's signer, checked against the configured key. */
class DkimVerifierTest {

    private static final String ORIGINAL = String.join(
                    "\r\n",
                    "From: Newsletter <news@mail.example.com>",
                    "To: erika.muster@example.net",
                    "Subject: Grosse Rabatte nur heute",
                    "Message-ID: <m14141611.r42@mail.example.com>",
                    "Feedback-ID: 121070:14141699:newsletter:esp",
                    "X-Mailing: 14141611",
                    "MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=utf-8",
                    "",
                    "Jetzt kaufen.",
                    "")
            + "";

    private static KeyPair ours;
    private static KeyPair other;

    @BeforeAll
    static void keys() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        ours = generator.generateKeyPair();
        other = generator.generateKeyPair();
    }

    private final DkimVerifier verifier = new DkimVerifier(
            Set.of("example.com"), ConfiguredKeys.of(Map.of("s1._domainkey.mail.example.com", record(ours))));

    @Test
    void signatureOfOurDomain_verifiesHeadersAndBody() throws Exception {
        var proof = verifier.verify(sign(ORIGINAL, "mail.example.com", ours));

        assertThat(proof.checks()).containsExactly(new DkimCheck("mail.example.com", "s1", true, true));
        assertThat(proof.verified()).isTrue();
        assertThat(proof.signatures().get(0).covered())
                .containsOnlyKeys("from", "to", "subject", "message-id", "feedback-id");
        assertThat(proof.signedInstances("Feedback-ID")).isEqualTo(1);
        assertThat(proof.provenInstances("Feedback-ID")).isEqualTo(1);
    }

    @Test
    void changedBody_failsTheBodyHashOnly() throws Exception {
        String signed = new String(sign(ORIGINAL, "mail.example.com", ours), StandardCharsets.UTF_8);

        var proof =
                verifier.verify(signed.replace("Jetzt kaufen.", "Jetzt kaufen!").getBytes(StandardCharsets.UTF_8));

        assertThat(proof.checks()).containsExactly(new DkimCheck("mail.example.com", "s1", true, false));
        assertThat(proof.verified()).isFalse();
    }

    @Test
    void changedSignedHeader_failsTheHeaderSignatureOnly() throws Exception {
        String signed = new String(sign(ORIGINAL, "mail.example.com", ours), StandardCharsets.UTF_8);

        var proof = verifier.verify(signed.replace("Subject: Grosse Rabatte nur heute", "Subject: Kleine Rabatte")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(proof.checks()).containsExactly(new DkimCheck("mail.example.com", "s1", false, true));
        assertThat(proof.verified()).isFalse();
        assertThat(proof.signedInstances("from")).isZero();
    }

    @Test
    void signatureWithAnotherKey_doesNotVerify() throws Exception {
        var proof = verifier.verify(sign(ORIGINAL, "mail.example.com", other));

        assertThat(proof.checks()).containsExactly(new DkimCheck("mail.example.com", "s1", false, true));
    }

    @Test
    void signatureOfAnotherDomain_isNotOursToCheck() throws Exception {
        var proof = verifier.verify(sign(ORIGINAL, "shop.example.org", other));

        assertThat(proof.checks()).isEmpty();
        assertThat(proof.verified()).isFalse();
    }

    @Test
    void attachedOriginalSignedByUs_isVerified_andItsSignedFeedbackIdWinsOverTheUnsignedXMailing() throws Exception {
        // GIVEN a complaint with our signed original attached; X-Mailing (unsigned) and Feedback-ID (signed) disagree
        String signed = new String(sign(ORIGINAL, "mail.example.com", ours), StandardCharsets.UTF_8);
        byte[] mail = MailFixtures.forwardedComplaint()
                .saying("Spam.")
                .reporting(signed)
                .bytes();
        var reader = new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, verifier);

        // WHEN it is read
        var report = reader.read(mail).reports().get(0);

        // THEN the complaint is verified, and the DKIM-covered header's value wins, the conflict flagged
        assertThat(report.verified()).isTrue();
        assertThat(report.resolution().mailingId()).contains("14141699");
        assertThat(report.resolution().accountId()).contains("121070");
        assertThat(report.resolution().source()).contains("header:Feedback-ID");
        assertThat(report.resolution().conflict()).isTrue();
        assertThat(report.resolution().candidates())
                .extracting(c -> c.mailingId() + "@" + c.source() + (c.dkimSigned() ? " signed" : ""))
                .containsExactly("14141611@header:X-Mailing", "14141699@header:Feedback-ID signed");
    }

    @Test
    void configuredKeys_parseTheWrittenForm() {
        var keys = ConfiguredKeys.parse(
                        "s1._domainkey.mail.example.com=v=DKIM1; k=rsa; p=AB|s2._domainkey.example.com=p=CD")
                .orElseThrow();

        assertThat(keys.records("S1", "Mail.Example.com", java.time.Instant.MAX))
                .containsExactly("v=DKIM1; k=rsa; p=AB");
        assertThat(keys.records("s2", "example.com", java.time.Instant.MAX)).containsExactly("p=CD");
        assertThat(keys.records("s3", "example.com", java.time.Instant.MAX)).isEmpty();
        assertThat(ConfiguredKeys.parse(" ")).isEmpty();
    }

    static String record(KeyPair pair) {
        return "v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** The message with a DKIM-Signature of the domain (selector s1) in front, made by jDKIM's signer. */
    static byte[] sign(String message, String domain, KeyPair pair) throws Exception {
        var signer = new DKIMSigner(
                "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain
                        + "; s=s1; h=from:to:subject:message-id:feedback-id; bh=; b=;",
                pair.getPrivate());
        String signature = signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        return (signature + "\r\n" + message).getBytes(StandardCharsets.UTF_8);
    }
}
