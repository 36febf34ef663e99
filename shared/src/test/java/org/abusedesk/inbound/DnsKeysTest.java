package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.abusedesk.complaint.DkimCheck;
import org.abusedesk.testkit.TestDkim;
import org.abusedesk.testkit.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The production key lookup on the wire, against a DNS server on loopback serving the test's zone. */
@Timeout(60)
class DnsKeysTest {

    private static final String ORIGINAL = String.join(
            "\r\n",
            "From: Newsletter <news@mail.example.com>",
            "To: erika.muster@example.net",
            "Subject: Grosse Rabatte nur heute",
            "Message-ID: <m14141611.r42@mail.example.com>",
            "Feedback-ID: 121070:14141699:newsletter:esp",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Jetzt kaufen.",
            "");

    private static TestDkim key;

    private final TestDnsServer dns = TestDnsServer.start();
    private final DkimVerifier verifier = new DkimVerifier(Set.of("example.com"), new DnsKeys(dns.address()));

    @BeforeAll
    static void key() {
        key = TestDkim.generate("mail.example.com", "s1");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void keySplitIntoSeveralStrings_isJoined_andTheSignatureVerifies() {
        // GIVEN our 2048-bit key published as several TXT strings of one record
        key.publishIn(dns);
        assertThat(key.keyRecordStrings()).hasSizeGreaterThan(1);

        // WHEN a message signed with it is verified
        var proof = verifier.verify(signed());

        // THEN the signature verifies, headers and body, the key read with one query
        assertThat(proof.checks()).containsExactly(new DkimCheck("mail.example.com", "s1", true, true));
        assertThat(proof.verified()).isTrue();
        assertThat(dns.queries())
                .extracting(TestDnsServer.Query::name)
                .containsExactly("s1._domainkey.mail.example.com.");
    }

    @Test
    void missingRecord_isNotVerified() {
        // GIVEN no record at the signature's selector (NXDOMAIN)
        // WHEN a signed message is verified, THEN its header signature is not proven
        var proof = verifier.verify(signed());

        assertThat(proof.checks()).containsExactly(new DkimCheck("mail.example.com", "s1", false, true));
        assertThat(proof.verified()).isFalse();
        assertThat(dns.queries()).hasSize(1);
    }

    @Test
    void revokedKey_isNotVerified() {
        // GIVEN the selector's key revoked: an empty p= (RFC 6376 3.6.1)
        dns.txt(key.recordName(), "v=DKIM1; k=rsa; p=");

        var proof = verifier.verify(signed());

        assertThat(proof.checks()).containsExactly(new DkimCheck("mail.example.com", "s1", false, true));
        assertThat(proof.verified()).isFalse();
    }

    @Test
    void serverThatNeverAnswers_givesNothingWithinTheDeadline_andNoQueryAfterIt() {
        // GIVEN a resolver that takes queries but never answers
        key.publishIn(dns);
        dns.silence();
        Instant deadline = Instant.now().plus(Duration.ofMillis(400));

        // WHEN a signed message is verified against that deadline
        var proof = verifier.verify(signed(), deadline);

        // THEN the verifier returns, nothing proven, and no query went out once the deadline had passed
        assertThat(proof.checks()).containsExactly(new DkimCheck("mail.example.com", "s1", false, true));
        assertThat(dns.queries())
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.received()).isBefore(deadline));
        // ... and a lookup asked after its deadline never reaches the wire
        int asked = dns.queries().size();
        assertThat(new DnsKeys(dns.address()).records("s1", "mail.example.com", deadline))
                .isEmpty();
        assertThat(dns.queries()).hasSize(asked);
    }

    @Test
    void severalRecords_areEachReturned_overTcpWhenTheyDoNotFitIntoOneDatagram() {
        // GIVEN five key records at one name: 5 × ~420 bytes exceed the 1,280 bytes EDNS lets a datagram carry
        for (int i = 0; i < 5; i++) {
            dns.txt(
                    "big._domainkey.example.com",
                    TestDkim.generate("example.com", "big").keyRecordStrings());
        }

        // WHEN they are looked up
        var records = new DnsKeys(dns.address())
                .records("big", "example.com", Instant.now().plusSeconds(5));

        // THEN all five come back whole, the truncated UDP answer asked again over TCP
        assertThat(records).hasSize(5).allSatisfy(r -> assertThat(r).startsWith("v=DKIM1; k=rsa; p=MII"));
        assertThat(records.get(0)).hasSizeGreaterThan(TestDkim.MAX_TXT_STRING);
        assertThat(dns.queries()).hasSize(2);
    }

    @Test
    void nameWithoutTxt_orUnparsable_isEmpty() {
        dns.a("a._domainkey.example.com", "192.0.2.1");
        var keys = new DnsKeys(dns.address());
        Instant deadline = Instant.now().plusSeconds(5);

        assertThat(keys.records("a", "example.com", deadline)).isEmpty();
        assertThat(keys.records("s1", "exa..mple.com", deadline)).isEmpty();
        assertThat(keys.records("s1", "x".repeat(300) + ".com", deadline)).isEmpty();
        assertThat(dns.queries()).hasSize(1);
    }

    @Test
    void resolverAddress_isReadAsHostAndPort() {
        assertThat(DnsKeys.address("127.0.0.1:5353").getPort()).isEqualTo(5353);
        assertThat(DnsKeys.address("[::1]:53").getAddress().isLoopbackAddress()).isTrue();
        for (String wrong : List.of("127.0.0.1", ":53", "127.0.0.1:", "host:port", "host:0", "host:70000")) {
            assertThatThrownBy(() -> DnsKeys.at(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(wrong);
        }
    }

    private static byte[] signed() {
        return key.sign(ORIGINAL, List.of("from", "to", "subject", "message-id", "feedback-id"))
                .getBytes(StandardCharsets.UTF_8);
    }
}
