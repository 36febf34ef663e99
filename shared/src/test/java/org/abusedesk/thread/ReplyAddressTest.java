package org.abusedesk.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.abusedesk.intake.IntakeSecret;
import org.junit.jupiter.api.Test;

class ReplyAddressTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(180);
    private static final IntakeSecret KEY = IntakeSecret.of("a-reply-key-of-the-stack-0123456789");
    private final ReplyAddress replies = new ReplyAddress("abuse@example.com", KEY, RETENTION);

    private static String entryAt(Instant at) {
        return new Ulid(at.toEpochMilli(), new byte[10]).toString();
    }

    @Test
    void theAddressOfAnEntry_isTheAbuseAddressLabelled_andAnswersThatEntry() {
        // GIVEN a notice's entry made an hour ago
        String entry = entryAt(NOW.minusSeconds(3600));

        // WHEN its reply address is made and read back
        String address = replies.of(entry);

        // THEN it is abuse+r-…@example.com, within the 64 characters of a local part, and names the entry
        assertThat(address).startsWith("abuse+r-").endsWith("@example.com");
        assertThat(address.substring(0, address.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        assertThat(replies.entryOf(address, NOW)).contains(entry);
    }

    @Test
    void anAddressWhoseCaseAMailSystemChanged_stillAnswersItsEntry() {
        String entry = entryAt(NOW.minusSeconds(60));
        String address = replies.of(entry).toUpperCase(Locale.ROOT);

        assertThat(replies.entryOf(" " + address + " ", NOW)).contains(entry);
    }

    @Test
    void aForgedSignature_isNoReply() {
        // GIVEN an attacker who knows the shape and an entry id, but not the key
        String entry = entryAt(NOW.minusSeconds(60));
        String forged = "abuse+r-" + entry.toLowerCase(Locale.ROOT) + "0000000000000000@example.com";

        assertThat(replies.entryOf(forged, NOW)).isEmpty();
    }

    @Test
    void anotherEntrysSignature_isNoReplyToThisEntry() {
        // GIVEN the valid address of one case's notice, and another notice's id put in its place
        String mine = entryAt(NOW.minusSeconds(60));
        String theirs =
                new Ulid(NOW.minusSeconds(30).toEpochMilli(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).toString();
        String valid = replies.of(mine);
        String swapped = valid.replace(mine.toLowerCase(Locale.ROOT), theirs.toLowerCase(Locale.ROOT));

        assertThat(replies.entryOf(swapped, NOW)).isEmpty();
    }

    @Test
    void aSignatureOfAnotherKey_isNoReply() {
        String entry = entryAt(NOW.minusSeconds(60));
        var otherStack =
                new ReplyAddress("abuse@example.com", IntakeSecret.of("another-stack-key-0123456789abcdef"), RETENTION);

        assertThat(replies.entryOf(otherStack.of(entry), NOW)).isEmpty();
    }

    @Test
    void anAddressOlderThanItsCase_hasExpired() {
        // GIVEN a notice made a retention ago (its case is gone) and one a minute younger
        String expired = entryAt(NOW.minus(RETENTION));
        String lastValid = entryAt(NOW.minus(RETENTION).plusSeconds(60));

        assertThat(replies.entryOf(replies.of(expired), NOW)).isEmpty();
        assertThat(replies.entryOf(replies.of(lastValid), NOW)).contains(lastValid);
    }

    @Test
    void anAddressFromTheFuture_isNoReply() {
        String entry = entryAt(NOW.plus(Duration.ofDays(1)));

        assertThat(replies.entryOf(replies.of(entry), NOW)).isEmpty();
    }

    @Test
    void theSameLabelAtAnotherDomainOrMailbox_isNoReply() {
        String address = replies.of(entryAt(NOW.minusSeconds(60)));

        assertThat(replies.entryOf(address.replace("@example.com", "@example.org"), NOW))
                .isEmpty();
        assertThat(replies.entryOf(address.replace("abuse+", "abusx+"), NOW)).isEmpty();
    }

    @Test
    void addressesOfAnyOtherShape_areNoReplies_withoutBeingParsed() {
        assertThat(replies.entryOf("abuse@example.com", NOW)).isEmpty();
        assertThat(replies.entryOf("abuse+r-@example.com", NOW)).isEmpty();
        assertThat(replies.entryOf("abuse+" + "r-".repeat(5_000) + "@example.com", NOW))
                .isEmpty();
        // the right length, but characters outside Crockford's base32 (u is not in it)
        assertThat(replies.entryOf("abuse+r-" + "u".repeat(42) + "@example.com", NOW))
                .isEmpty();
        assertThat(replies.entryOf("", NOW)).isEmpty();
    }

    @Test
    void afterARotation_thePreviousKeysAddresses_stillAnswerForTheirLifetime() {
        // GIVEN an address made under the old key, and the secret rotated an hour ago
        String entry = entryAt(NOW.minus(Duration.ofDays(2)));
        String address = replies.of(entry);
        var rotated = IntakeSecret.of("{\"current\":\"the-new-reply-key-0123456789abcdef\",\"previous\":"
                + "\"a-reply-key-of-the-stack-0123456789\",\"rotatedAt\":\"2026-12-08T09:00:00Z\"}");
        var afterRotation = new ReplyAddress("abuse@example.com", rotated, RETENTION);

        assertThat(afterRotation.entryOf(address, NOW)).contains(entry);
        assertThat(afterRotation.entryOf(
                        address, Instant.parse("2026-12-08T09:00:00Z").plus(RETENTION)))
                .isEmpty();
    }

    @Test
    void anAbuseAddressWithoutRoomForALabel_isRefusedAtStart() {
        assertThatThrownBy(() -> new ReplyAddress("a".repeat(30) + "@example.com", KEY, RETENTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 19 characters");
        assertThatThrownBy(() -> new ReplyAddress("abuse+x@example.com", KEY, RETENTION))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
