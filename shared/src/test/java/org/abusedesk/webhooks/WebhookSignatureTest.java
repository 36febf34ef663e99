package org.abusedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.abusedesk.webhooks.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signature against the test vector every Standard Webhooks reference library checks (the same secret, ID,
 * timestamp and payload in the JavaScript, Python and Go libraries' tests), and against what a forger or a broken
 * sender sends.
 */
class WebhookSignatureTest {

    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant AT = Instant.ofEpochSecond(1614265330);
    private static final byte[] PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    /** An entry of the right form that is no secret's, from the reference libraries' tests. */
    private static final String OTHER = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    private static WebhookSignature at(Instant now, WebhookSecret... secrets) {
        return new WebhookSignature(
                List.of(secrets), WebhookSignature.DEFAULT_TOLERANCE, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final WebhookSignature SIGNATURE = at(AT, SECRET);

    @Test
    void sign_givesThePublishedTestVector() {
        var headers = SIGNATURE.sign(ID, AT, PAYLOAD);

        assertThat(headers).isEqualTo(new WebhookHeaders(ID, "1614265330", EXPECTED));
        assertThat(headers.asMap())
                .containsExactly(
                        Map.entry("webhook-id", ID),
                        Map.entry("webhook-timestamp", "1614265330"),
                        Map.entry("webhook-signature", EXPECTED));
    }

    @Test
    void verify_acceptsThePublishedTestVector() {
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void aTamperedBody_isAMismatch() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", EXPECTED), tampered))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", EXPECTED), new byte[0]))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aWrongId_isAMismatch() {
        assertThat(SIGNATURE.verify(
                        new WebhookHeaders("msg_p5jXN8AQM9LWM0D4loKWxJel", "1614265330", EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aChangedTimestampWithinTheWindow_isAMismatch() {
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265331", EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void anotherSecret_doesNotVerify() {
        var other = at(AT, WebhookSecret.generate());

        assertThat(other.verify(new WebhookHeaders(ID, "1614265330", EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void fiveMinutesEitherWay_isWithinTheWindow_aSecondMoreIsNot() {
        var headers = new WebhookHeaders(ID, "1614265330", EXPECTED);

        assertThat(at(AT.plusSeconds(300), SECRET).verify(headers, PAYLOAD)).isEqualTo(Verdict.VALID);
        assertThat(at(AT.minusSeconds(300), SECRET).verify(headers, PAYLOAD)).isEqualTo(Verdict.VALID);
        // Older than the window: a replay, maybe.
        assertThat(at(AT.plusSeconds(301), SECRET).verify(headers, PAYLOAD)).isEqualTo(Verdict.OUTSIDE_TOLERANCE);
        // From the future: a sender's clock far ahead, or a signature made to be replayed later.
        assertThat(at(AT.minusSeconds(301), SECRET).verify(headers, PAYLOAD)).isEqualTo(Verdict.OUTSIDE_TOLERANCE);
    }

    @Test
    void theToleranceIsTheOneGiven() {
        var strict = new WebhookSignature(List.of(SECRET), Duration.ofSeconds(10), Clock.fixed(AT, ZoneOffset.UTC));
        var headers = new WebhookHeaders(ID, "1614265330", EXPECTED);

        assertThat(strict.verify(headers, PAYLOAD)).isEqualTo(Verdict.VALID);
        assertThat(new WebhookSignature(
                                List.of(SECRET),
                                Duration.ofSeconds(10),
                                Clock.fixed(AT.plusSeconds(11), ZoneOffset.UTC))
                        .verify(headers, PAYLOAD))
                .isEqualTo(Verdict.OUTSIDE_TOLERANCE);
    }

    @Test
    void aHeaderWithTwoEntries_ofWhichOneIsValid_isValid_inEitherOrder() {
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", OTHER + " " + EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.VALID);
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", EXPECTED + " " + OTHER), PAYLOAD))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void theReferenceLibrariesMultiSignatureHeader_isValid() {
        String header = String.join(" ", OTHER, "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", EXPECTED, OTHER);

        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", header), PAYLOAD))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void duringARotation_theSenderSignsWithBothSecrets_andAReceiverOfEitherVerifies() {
        var old = SECRET;
        var current = WebhookSecret.generate();

        var headers = at(AT, current, old).sign(ID, AT, PAYLOAD);

        assertThat(headers.signature().split(" ")).hasSize(2).contains(EXPECTED);
        assertThat(at(AT, old).verify(headers, PAYLOAD)).isEqualTo(Verdict.VALID);
        assertThat(at(AT, current).verify(headers, PAYLOAD)).isEqualTo(Verdict.VALID);
        // And a receiver that already knows both accepts what the old secret alone signed.
        assertThat(at(AT, current, old).verify(SIGNATURE.sign(ID, AT, PAYLOAD), PAYLOAD))
                .isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // No comma.
                "v1g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                // An unknown version only: nothing this verifies.
                "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                // The asymmetric version only.
                "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==",
                // Not base64.
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE*",
                // Base64 of too few bytes: the reference libraries' partial signature.
                "v1,g0hM9SsE",
                "v1,",
                ",g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                "",
                " ",
                // A valid entry does not make up for one without a comma.
                "v1g0hM9SsE " + EXPECTED
            })
    void malformedSignatureHeaders_areRefused(String header) {
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", header), PAYLOAD))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void aHeaderOf10000Entries_isRefusedByItsLength_evenWithTheValidOneAmongThem() {
        String header = (OTHER + " ").repeat(9_999) + EXPECTED;

        assertThat(header.length()).isGreaterThan(WebhookSignature.MAX_SIGNATURE_HEADER);
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", header), PAYLOAD))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void aHeaderJustWithinTheLengthGate_isRead() {
        String header = (OTHER + " ").repeat(20) + EXPECTED;

        assertThat(header.length()).isLessThanOrEqualTo(WebhookSignature.MAX_SIGNATURE_HEADER);
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", header), PAYLOAD))
                .isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "hello", "-1614265330", "+1614265330", "1614265330.0", " 1614265330", "16142653300000000000"
            })
    void aTimestampThatIsNoUnixSeconds_isMalformed(String timestamp) {
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, timestamp, EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void missingHeaders_areMalformed() {
        assertThat(SIGNATURE.verify(new WebhookHeaders(null, "1614265330", EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.MALFORMED);
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, null, EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.MALFORMED);
        assertThat(SIGNATURE.verify(new WebhookHeaders(ID, "1614265330", null), PAYLOAD))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void anIdLongerThanTheGate_isMalformed() {
        String id = "m".repeat(WebhookSignature.MAX_ID + 1);

        assertThat(SIGNATURE.verify(new WebhookHeaders(id, "1614265330", EXPECTED), PAYLOAD))
                .isEqualTo(Verdict.MALFORMED);
        assertThatThrownBy(() -> SIGNATURE.sign(id, AT, PAYLOAD)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "msg 1", "msg\n1", "msg_ü"})
    void sign_refusesIdsAHeaderCannotCarry(String id) {
        assertThatThrownBy(() -> SIGNATURE.sign(id, AT, PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook ID is 1 to 256 printable ASCII characters without spaces");
    }

    @Test
    void headersAreReadByTheirNames() {
        var request = Map.of("webhook-id", ID, "webhook-timestamp", "1614265330", "webhook-signature", EXPECTED);

        assertThat(SIGNATURE.verify(WebhookHeaders.from(request::get), PAYLOAD)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aSignatureNeedsASecret_andShowsNone() {
        assertThatThrownBy(() -> new WebhookSignature(List.of(), Duration.ofMinutes(5), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SIGNATURE.toString()).doesNotContain("MfKQ9r8G");
    }
}
