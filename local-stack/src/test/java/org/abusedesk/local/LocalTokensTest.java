package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.abusedesk.local.LocalTokens.Verdict;
import org.junit.jupiter.api.Test;

class LocalTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final List<String> WRITE = List.of("abuse-desk/write");
    private static final List<String> READ_OR_WRITE = List.of("abuse-desk/read", "abuse-desk/write");

    private final LocalTokens tokens = new LocalTokens(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenWithOneOfTheRoutesScopes_isAllowed_withItsSubjectAndScopes() {
        String token = tokens.mint("erika", List.of("abuse-desk/read"), Duration.ofHours(1));

        var verdict = tokens.verify("Bearer " + token, READ_OR_WRITE);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Allowed.class, allowed -> {
            assertThat(allowed.scopes()).containsExactly("abuse-desk/read");
            assertThat(allowed.claims())
                    .containsEntry("sub", "erika")
                    .containsEntry("iss", LocalTokens.ISSUER)
                    .containsEntry("client_id", LocalTokens.CLIENT_ID)
                    .containsEntry(
                            "exp", Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
        });
    }

    @Test
    void aTokenWithoutAnyOfTheRoutesScopes_isForbidden() {
        String token = tokens.mint("erika", List.of("abuse-desk/read"), Duration.ofHours(1));

        assertThat(tokens.verify("Bearer " + token, WRITE)).isInstanceOf(Verdict.Forbidden.class);
    }

    @Test
    void noToken_anotherIssuersToken_anExpiredOne_orNoJwt_isUnauthorized() {
        String otherIssuers =
                new LocalTokens(Clock.fixed(NOW, ZoneOffset.UTC)).mint("erika", WRITE, Duration.ofHours(1));
        var later = new LocalTokens(Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        String mintedLater = later.mint("erika", WRITE, Duration.ofHours(1));

        assertThat(tokens.verify(null, WRITE)).isInstanceOf(Verdict.Unauthorized.class);
        assertThat(tokens.verify("Basic ZXJpa2E6c2VjcmV0", WRITE)).isInstanceOf(Verdict.Unauthorized.class);
        assertThat(tokens.verify("Bearer not.a.jwt", WRITE)).isInstanceOf(Verdict.Unauthorized.class);
        assertThat(tokens.verify("Bearer " + otherIssuers, WRITE)).isInstanceOf(Verdict.Unauthorized.class);
        assertThat(later.verify("Bearer " + mintedLater, WRITE)).isInstanceOf(Verdict.Allowed.class);
        assertThat(tokens.verify("Bearer " + tokens.mint("erika", WRITE, Duration.ofSeconds(-1)), WRITE))
                .isInstanceOf(Verdict.Unauthorized.class);
    }
}
