package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.abusedesk.complaint.Classification;
import org.junit.jupiter.api.Test;

/**
 * Small mails made to stall the passes after MIME parsing (HTML to text, inline forwards, pasted headers), each of
 * which took from 16 s to over two minutes to read before those passes ran in linear time. Each is read whole and
 * correctly; the timeout is only a safety net that stops a regression from hanging the build, far above the parse
 * budget (the times themselves are measured by {@code tools/reliability}).
 */
class StallingMailCatalogueTest {

    private static final Duration SAFETY_NET = Duration.ofSeconds(30);

    private final MailReader reader = new MailReader(
            InboundLimits.DEFAULT,
            ResolutionProfile.DEFAULT,
            new DkimVerifier(Set.of(), (s, d, t) -> java.util.List.of()));

    @Test
    void htmlOfAHundredThousandNonBreakingSpaces_isReadAsText() {
        String html =
                "<p>Spam von https://mail.example.com/m/14141611/x</p><p>" + "&nbsp;".repeat(100_000) + "Ende</p>";

        var reading = read(html("text/html", html));

        assertThat(reading.mail().typed())
                .startsWith("Spam von https://mail.example.com/m/14141611/x")
                .endsWith("Ende");
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("14141611");
    }

    @Test
    void htmlOfTwentyThousandSpacedTags_isReadAsText() {
        String html = "<p>Werbung 14141611</p>" + "<i> </i>".repeat(20_000) + "<p>Ende</p>";

        var reading = read(html("text/html", html));

        assertThat(reading.mail().typed()).isEqualTo("Werbung 14141611\n\nEnde");
    }

    @Test
    void htmlOfTwoHundredThousandSpaces_isReadAsText() {
        String html = "<p>Anfang" + " ".repeat(200_000) + "Ende</p>";

        assertThat(read(html("text/html", html)).mail().typed()).isEqualTo("Anfang Ende");
    }

    @Test
    void html5NamedEntities_areDecoded() {
        String html = "<p>Gr&uuml;&szlig;e aus K&ouml;ln &ndash; &euro;5 &hellip; &NotNestedGreaterGreater; &amp;</p>";

        assertThat(read(html("text/html", html)).mail().typed()).isEqualTo("Grüße aus Köln – €5 … ⪢̸ &");
    }

    @Test
    void inlineForwardWithFromLinesOfAThousandSpacesAndTooLongValues_isReadAsText() {
        String line = "From:" + " ".repeat(1_000) + "x".repeat(2_001);
        String text = "Spam!\n\n" + (line + "\n").repeat(3) + "\nJetzt kaufen.";

        var reading = read(html("text/plain", text));

        assertThat(reading.classification()).isIn(Classification.COMPLAINT, Classification.ENQUIRY);
        assertThat(reading.mail().typed()).startsWith("Spam!");
    }

    @Test
    void germanInlineForwardWithTabs_isReadAsText() {
        String line = "Von:" + "\t".repeat(1_000) + "x".repeat(2_001);
        String text = "Bitte stoppen.\n\n" + (line + "\n").repeat(3) + "\nJetzt kaufen.";

        var reading = read(html("text/plain", text));

        assertThat(reading.mail().typed()).startsWith("Bitte stoppen.");
    }

    @Test
    void fiveThousandPastedHeaderLines_ofSpacesAndTooLongValues_areReadAndBounded() {
        String line = "X-Mailing:" + " ".repeat(1_000) + "1".repeat(2_001);
        String text = "Ich habe das hier bekommen:\n" + (line + "\n").repeat(5_000) + "X-Mailing: 14141611\n";

        var reading = read(html("text/plain", text));

        assertThat(reading.mail().typed()).startsWith("Ich habe das hier bekommen:");
    }

    private MailReading read(byte[] mail) {
        return assertTimeoutPreemptively(SAFETY_NET, () -> reader.read(mail));
    }

    private static byte[] html(String type, String body) {
        return ("From: Erika Muster <erika.muster@example.net>\r\n"
                        + "To: abuse@example.com\r\n"
                        + "Subject: Spam\r\n"
                        + "MIME-Version: 1.0\r\n"
                        + "Content-Type: " + type + "; charset=utf-8\r\n"
                        + "\r\n"
                        + body.replace("\n", "\r\n")
                        + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
