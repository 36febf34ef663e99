package org.abusedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The intake secret as one key, and as the JSON of a rotation: the current key signs, the previous verifies. */
class IntakeSecretTest {

    private static final String OLD = "old-key-of-32-characters-abcdefg";
    private static final String NEW = "new-key-of-32-characters-hijklmn";
    private static final Instant ROTATED = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(24);

    private final IntakeSecret before = IntakeSecret.of(OLD);
    private final IntakeSecret rotated = IntakeSecret.of(
            "{\"current\": \"" + NEW + "\", \"previous\": \"" + OLD + "\", \"rotatedAt\": \"2026-11-28T10:00:00Z\"}");

    @Test
    void afterARotation_theCurrentKeySigns_asThatKeyAloneWould() {
        assertThat(rotated.sign("form-token", "data"))
                .isEqualTo(IntakeSecret.of(NEW).sign("form-token", "data"));
        assertThat(rotated.sign("form-token", "data")).isNotEqualTo(before.sign("form-token", "data"));
        assertThat(SourceKey.of("198.51.100.23", rotated))
                .isEqualTo(SourceKey.of("198.51.100.23", IntakeSecret.of(NEW)));
    }

    @Test
    void whatThePreviousKeySigned_verifiesForOneLifetimeAfterTheRotation_andThenNoMore() {
        String signedBefore = before.sign("form-token", "data");

        assertThat(rotated.verify("form-token", "data", signedBefore, ROTATED.plusSeconds(60), LIFETIME))
                .isTrue();
        assertThat(rotated.verify(
                        "form-token",
                        "data",
                        signedBefore,
                        ROTATED.plus(LIFETIME).minusSeconds(1),
                        LIFETIME))
                .isTrue();
        assertThat(rotated.verify("form-token", "data", signedBefore, ROTATED.plus(LIFETIME), LIFETIME))
                .isFalse();
        // Without a time there is no lifetime: only the current key verifies.
        assertThat(rotated.verify("form-token", "data", signedBefore)).isFalse();
        assertThat(rotated.verify("form-token", "other data", signedBefore, ROTATED, LIFETIME))
                .isFalse();
        assertThat(rotated.verify("confirmation", "data", signedBefore, ROTATED, LIFETIME))
                .isFalse();
    }

    @Test
    void whatTheCurrentKeySigns_verifiesAtAnyTime() {
        String signed = rotated.sign("form-token", "data");

        assertThat(rotated.verify("form-token", "data", signed)).isTrue();
        assertThat(rotated.verify("form-token", "data", signed, ROTATED.plus(Duration.ofDays(400)), LIFETIME))
                .isTrue();
        assertThat(before.verify("form-token", "data", signed, ROTATED, LIFETIME))
                .isFalse();
    }

    @Test
    void aRotationWithoutPrevious_dropsTheOldKeyAtOnce() {
        var replaced = IntakeSecret.of("{\"current\": \"" + NEW + "\"}");

        assertThat(replaced.verify("form-token", "data", before.sign("form-token", "data"), ROTATED, LIFETIME))
                .isFalse();
        assertThat(replaced.sign("form-token", "data"))
                .isEqualTo(IntakeSecret.of(NEW).sign("form-token", "data"));
    }

    @Test
    void aMalformedRotation_isRefusedByWhatIsWrong_neverShowingTheKeys() {
        String[][] cases = {
            {"{\"current\": \"" + NEW + "\", \"previous\": \"" + OLD + "\"", "is no JSON object"},
            {"{\"current\": \"" + NEW + "\", \"previous\": \"" + OLD + "\"}", "needs rotatedAt as a string"},
            {
                "{\"current\": \"" + NEW + "\", \"previous\": \"" + OLD + "\", \"rotatedAt\": \"yesterday\"}",
                "rotatedAt is no UTC time"
            },
            {"{\"previous\": \"" + OLD + "\"}", "needs current as a string"},
            {"{\"current\": \"short\"}", "current must have at least 16 characters"},
            {
                "{\"current\": \"" + NEW + "\", \"previous\": \"short\", \"rotatedAt\": \"2026-11-28T10:00:00Z\"}",
                "previous must have at least 16 characters"
            },
            {"{\"current\": \"" + NEW + "\", \"prevous\": \"" + OLD + "\"}", "not prevous"},
            {"{\"current\": 12345678901234567890}", "needs current as a string"},
        };
        for (String[] malformed : cases) {
            assertThatThrownBy(() -> IntakeSecret.of(malformed[0]))
                    .as(malformed[0])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(malformed[1])
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(NEW, OLD, "key-of"));
        }
    }

    @Test
    void aRotatedSecret_neverShowsItself() {
        assertThat(rotated.toString()).isEqualTo("IntakeSecret[redacted]");
    }
}
