package org.abusedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    private final FormTokens tokens = new FormTokens(Intakes.SECRET);

    @Test
    void issuedToken_readsBackWithItsTime_andANonceOfItsOwn() {
        String first = tokens.issue(NOW);
        String second = tokens.issue(NOW);

        var check = tokens.check(first, NOW.plusSeconds(5));

        assertThat(first).matches("1795860930\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
        assertThat(check).isInstanceOfSatisfying(FormTokens.Check.Valid.class, valid -> {
            assertThat(valid.token().issuedAt()).isEqualTo(NOW);
            assertThat(valid.token().nonce()).isEqualTo(first.split("\\.")[1]);
        });
        assertThat(second.split("\\.")[1]).isNotEqualTo(first.split("\\.")[1]);
    }

    @Test
    void tokenWithAChangedTime_isInvalid() {
        String token = tokens.issue(NOW);
        String backdated = "1795688000" + token.substring(token.indexOf('.'));

        assertThat(tokens.check(backdated, NOW)).isInstanceOf(FormTokens.Check.Invalid.class);
    }

    @Test
    void tokenOfAnotherSecret_isInvalid() {
        String foreign = new FormTokens(IntakeSecret.of("another-secret-of-32-characters!")).issue(NOW);

        assertThat(tokens.check(foreign, NOW)).isInstanceOf(FormTokens.Check.Invalid.class);
    }

    @Test
    void tokenFromTheFuture_isInvalid_beyondAMinuteOfClockSkew() {
        assertThat(tokens.check(tokens.issue(NOW.plusSeconds(60)), NOW)).isInstanceOf(FormTokens.Check.Valid.class);
        assertThat(tokens.check(tokens.issue(NOW.plusSeconds(61)), NOW)).isInstanceOf(FormTokens.Check.Invalid.class);
    }

    @Test
    void tokenOlderThanItsMaximumAge_isExpired() {
        String token = tokens.issue(NOW);

        assertThat(tokens.check(token, NOW.plus(FormTokens.MAX_AGE))).isInstanceOf(FormTokens.Check.Valid.class);
        assertThat(tokens.check(token, NOW.plus(FormTokens.MAX_AGE).plus(Duration.ofSeconds(1))))
                .isInstanceOf(FormTokens.Check.Expired.class);
    }

    @Test
    void aTokenServedBeforeTheSecretWasRotated_staysValidForItsLifetime_andOnlyThatLong() {
        // GIVEN a token served with the secret as it was, and the secret rotated a minute later
        String served = tokens.issue(NOW);
        var rotated = new FormTokens(IntakeSecret.of("{\"current\": \"a-new-secret-of-32-characters-xy\", "
                + "\"previous\": \"test-secret-of-32-characters-xyz\", \"rotatedAt\": \"2026-11-28T10:16:30Z\"}"));

        // WHEN / THEN the rotated secret takes it while it lives, and gives tokens the old secret does not take
        assertThat(rotated.check(served, NOW.plusSeconds(120))).isInstanceOf(FormTokens.Check.Valid.class);
        assertThat(rotated.check(served, NOW.plus(FormTokens.MAX_AGE))).isInstanceOf(FormTokens.Check.Valid.class);
        assertThat(rotated.check(served, NOW.plus(FormTokens.MAX_AGE).plusSeconds(1)))
                .isInstanceOf(FormTokens.Check.Expired.class);
        assertThat(rotated.check(
                        tokens.issue(NOW.plus(FormTokens.MAX_AGE)),
                        NOW.plus(FormTokens.MAX_AGE).plusSeconds(60)))
                .as("the previous key signs nothing new one lifetime after the rotation")
                .isInstanceOf(FormTokens.Check.Invalid.class);
        assertThat(tokens.check(rotated.issue(NOW.plusSeconds(120)), NOW.plusSeconds(180)))
                .isInstanceOf(FormTokens.Check.Invalid.class);
        assertThat(rotated.check(rotated.issue(NOW.plus(Duration.ofDays(30))), NOW.plus(Duration.ofDays(30))))
                .isInstanceOf(FormTokens.Check.Valid.class);
    }

    @Test
    void malformedTokens_areInvalid() {
        for (String token : new String[] {null, "", "x", "1.2.3", "99999999999999.AAAAAAAAAAAAAAAAAAAAAA.x"}) {
            assertThat(tokens.check(token, NOW)).as(String.valueOf(token)).isInstanceOf(FormTokens.Check.Invalid.class);
        }
    }

    @Test
    void secret_refusesShortValues_andNeverShowsItself() {
        assertThat(Intakes.SECRET.toString()).isEqualTo("IntakeSecret[redacted]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntakeSecret.of("short"))
                .hasMessage("the intake secret must have at least 16 characters");
    }
}
