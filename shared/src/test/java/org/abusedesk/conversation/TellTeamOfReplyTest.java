package org.abusedesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.outgoing.NotificationComposer;
import org.abusedesk.outgoing.OutgoingMail;
import org.junit.jupiter.api.Test;

class TellTeamOfReplyTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:20:00Z");
    private static final ComplaintKey CASE = ComplaintKey.of("14141611", "01KBX0000000000000000000AB");

    private final Map<String, Instant> claims = new ConcurrentHashMap<>();
    private final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();
    private final TellTeamOfReply tell = new TellTeamOfReply(
            (key, until) -> claims.putIfAbsent(key, until) == null,
            new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com"),
            sent::add);

    @Test
    void aReply_isOneMailToTheTeam_namingTheCase() {
        assertThat(tell.tell(CASE, NOW)).isTrue();

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("abuse-team@example.com");
            // header lines may be folded: compare without the folding
            assertThat(new String(mail.raw(), StandardCharsets.UTF_8).replace("\r\n ", " "))
                    .contains("Subject: Customer replied: case 01KBX0000000000000000000AB (mailing 14141611)");
        });
    }

    @Test
    void manyRepliesToOneCaseWithinTheHour_areOneMail_theNextHourAnother() {
        // GIVEN a flood of replies to one case's valid reply address, from 10:20 to 10:59
        for (int minute = 0; minute < 40; minute++) {
            tell.tell(CASE, NOW.plus(Duration.ofMinutes(minute)));
        }
        assertThat(sent).hasSize(1);

        // WHEN one more comes at 11:00
        assertThat(tell.tell(CASE, Instant.parse("2026-12-08T11:00:00Z"))).isTrue();

        // THEN that hour has its own mail; another case has its own at once
        assertThat(sent).hasSize(2);
        assertThat(tell.tell(ComplaintKey.of("14141611", "01KBX0000000000000000000CD"), NOW))
                .isTrue();
        assertThat(sent).hasSize(3);
    }
}
