package org.abusedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.abusedesk.webhooks.WebhookSignature.Verdict;

/**
 * Properties over generated messages: what is signed verifies; any change to the body, the ID or the signature does
 * not; and no header a sender could send makes verification throw.
 */
class WebhookSignaturePropertiesTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final WebhookSecret SECRET = WebhookSecret.generate();
    private static final WebhookSignature SIGNATURE =
            new WebhookSignature(List.of(SECRET), WebhookSignature.DEFAULT_TOLERANCE, Clock.fixed(NOW, ZoneOffset.UTC));

    @Property(tries = 300)
    void whatIsSigned_verifies(
            @ForAll("ids") String id, @ForAll byte[] body, @ForAll @IntRange(min = -300, max = 300) int skew) {
        var headers = SIGNATURE.sign(id, NOW.plusSeconds(skew), body);

        assertThat(SIGNATURE.verify(headers, body)).isEqualTo(Verdict.VALID);
    }

    @Property(tries = 300)
    void anyChangedByteOfTheBody_isAMismatch(
            @ForAll("ids") String id, @ForAll("bodies") byte[] body, @ForAll @IntRange(min = 0, max = 1000) int at) {
        var headers = SIGNATURE.sign(id, NOW, body);
        byte[] tampered = body.clone();
        tampered[at % tampered.length] ^= 0x01;

        assertThat(SIGNATURE.verify(headers, tampered)).isEqualTo(Verdict.MISMATCH);
    }

    @Property(tries = 300)
    void anotherId_isAMismatch(@ForAll("ids") String id, @ForAll("ids") String other, @ForAll byte[] body) {
        var headers = SIGNATURE.sign(id, NOW, body);
        var moved =
                new WebhookHeaders(id.equals(other) ? other + "x" : other, headers.timestamp(), headers.signature());

        assertThat(SIGNATURE.verify(moved, body)).isEqualTo(Verdict.MISMATCH);
    }

    @Property(tries = 500)
    void anyHeaders_giveAVerdict_neverAnException(
            @ForAll String id, @ForAll String timestamp, @ForAll String signature, @ForAll byte[] body) {
        assertThat(SIGNATURE.verify(new WebhookHeaders(id, timestamp, signature), body))
                .isIn((Object[]) Verdict.values());
    }

    @Property(tries = 300)
    void forgedEntries_ofAnyVersion_areNeverValid(@ForAll("entries") List<String> entries, @ForAll byte[] body) {
        var signed = SIGNATURE.sign("msg_1", NOW, body);
        String header = String.join(" ", entries);

        var verdict = SIGNATURE.verify(new WebhookHeaders("msg_1", signed.timestamp(), header), body);

        assertThat(verdict).isNotEqualTo(Verdict.VALID);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2048);
    }

    @Provide
    Arbitrary<List<String>> entries() {
        var entry = Arbitraries.of("v1", "v2", "v1a", "")
                .flatMap(version -> Arbitraries.strings()
                        .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=,")
                        .ofMaxLength(60)
                        .map(value -> version + "," + value));
        return entry.list().ofMinSize(1).ofMaxSize(30);
    }
}
