package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.abusedesk.complaint.ReportFormat;
import org.junit.jupiter.api.Test;

/**
 * Hostile mail beyond each limit of the design brief ends in bounded results and a {@code truncated} mark; what
 * was found before the limit is kept. (Timings are measured with the command line, not asserted here.)
 */
class MailLimitsTest {

    private final MailReader reader = Fixtures.reader();

    @Test
    void threeHundredNestedMultiparts_stopAtTheNestingLimit() {
        var mail = new StringBuilder("From: a@example.net\r\nSubject: Mailing ID 14141611\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < 300; i++) {
            mail.append("--b")
                    .append(i)
                    .append("\r\nContent-Type: multipart/mixed; boundary=\"b")
                    .append(i + 1)
                    .append("\"\r\n\r\n");
        }
        mail.append("--b300\r\nContent-Type: text/plain\r\n\r\ndeep\r\n--b300--\r\n");
        for (int i = 299; i >= 0; i--) {
            mail.append("--b").append(i).append("--\r\n");
        }

        var reading = reader.read(bytes(mail));

        assertThat(reading.mail().truncated()).isTrue();
        assertThat(reading.reports()).hasSize(1);
        // what came before the limit is kept: the subject's Mailing ID
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("14141611");
    }

    @Test
    void sixtyThousandHeaders_keepTheFirstThousand() {
        var mail = new StringBuilder("From: a@example.net\r\nSubject: Mailing ID 14141611\r\n");
        for (int i = 0; i < 60_000; i++) {
            mail.append("X-Filler-").append(i).append(": ").append(i).append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\nbody\r\n");

        var reading = reader.read(bytes(mail));

        assertThat(reading.mail().truncated()).isTrue();
        assertThat(reading.mail().headers().fields()).hasSize(1_000);
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("14141611");
    }

    @Test
    void twentyThousandAttachedMessages_giveTheReportsOfTheFirstFiveHundredParts() {
        var mail = new StringBuilder("From: a@example.net\r\nSubject: many\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < 20_000; i++) {
            mail.append("--b\r\nContent-Type: message/rfc822\r\n\r\nX-Mailing: ")
                    .append(i + 1)
                    .append("\r\nSubject: spam\r\n\r\nspam\r\n");
        }
        mail.append("--b--\r\n");

        var reading = reader.read(bytes(mail));

        assertThat(reading.mail().truncated()).isTrue();
        // the mail is one part, each attached message another: 499 of them fit
        assertThat(reading.reports()).hasSize(499);
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("1");
        assertThat(reading.reports().get(498).resolution().mailingId()).contains("499");
    }

    @Test
    void messagesAttachedThirtyDeep_stopAtTheNestingLimit() {
        String message = "From: x@example.net\r\nX-Mailing: 14141611\r\nContent-Type: text/plain\r\n\r\ninner\r\n";
        for (int i = 0; i < 30; i++) {
            message = "From: f" + i + "@example.net\r\nSubject: fwd\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"m" + i + "\"\r\n\r\n--m" + i
                    + "\r\nContent-Type: message/rfc822\r\n\r\n" + message + "\r\n--m" + i + "--\r\n";
        }

        var reading = reader.read(message.getBytes(StandardCharsets.UTF_8));

        assertThat(reading.mail().truncated()).isTrue();
        assertThat(reading.reports()).hasSize(1);
        assertThat(reading.reports().get(0).format()).isEqualTo(ReportFormat.ATTACHED_MESSAGE);
    }

    @Test
    void headerLineOverTheLineLimit_endsTheParse_keepingWhatCameBefore() {
        // mime4j reads one field ahead (to see folded lines), so the field just before the long line goes with it
        String mail = "From: a@example.net\r\nSubject: Mailing ID 14141611\r\nX-Before: 1\r\nX-Long: "
                + "y".repeat(200_000) + "\r\nContent-Type: text/plain\r\n\r\nx\r\n";

        var reading = reader.read(mail.getBytes(StandardCharsets.US_ASCII));

        assertThat(reading.mail().truncated()).isTrue();
        assertThat(reading.mail().senderAddress()).contains("a@example.net");
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("14141611");
    }

    @Test
    void mailOverTheSizeLimit_isReadUpToIt() {
        var small = new InboundLimits(1_000, 10, 500, 1_000, 100_000, 1_000_000, Duration.ofSeconds(2));
        var limited = new MailReader(small, ResolutionProfile.DEFAULT, DkimVerifier.none());
        String mail = "From: a@example.net\r\nSubject: Mailing ID 14141611\r\nContent-Type: text/plain\r\n\r\n"
                + "x".repeat(5_000);

        var reading = limited.read(mail.getBytes(StandardCharsets.US_ASCII));

        assertThat(reading.mail().truncated()).isTrue();
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("14141611");
        assertThat(reading.mail().typed()).hasSizeLessThan(1_000);
    }

    @Test
    void spentParseBudget_endsTheParse_withAResult() {
        var instant = new InboundLimits(40_000_000, 10, 500, 1_000, 100_000, 1_000_000, Duration.ofNanos(1));
        var hurried = new MailReader(instant, ResolutionProfile.DEFAULT, DkimVerifier.none());

        var reading = hurried.read(Fixtures.mail("attached-message.eml"));

        assertThat(reading.mail().truncated()).isTrue();
        assertThat(reading.reports()).hasSize(1);
    }

    @Test
    void longBodyLine_isReadWhole() {
        String mail = "From: a@example.net\r\nContent-Type: text/html\r\n\r\n<p>" + "x".repeat(500_000)
                + " https://l.example.com/c?mid=14141611</p>\r\n";

        var reading = reader.read(mail.getBytes(StandardCharsets.US_ASCII));

        assertThat(reading.mail().truncated()).isFalse();
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("14141611");
    }

    private static byte[] bytes(CharSequence mail) {
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
