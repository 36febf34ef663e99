package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ReportFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the public corpus, read as the inbound-mail function reads mail. */
class CorpusTest {

    private static final Pattern FEEDBACK_TYPE = Pattern.compile("(?im)^Feedback-Type:\\s*([a-z-]+)");
    private static final Pattern RFC822_PART =
            Pattern.compile("(?i)Content-Type:\\s*(?:message/rfc822|text/rfc822-headers?)[^\\r\\n]*(\\r\\n|\\r|\\n)");
    private static final Map<String, Classification> BY_FEEDBACK_TYPE = Map.of(
            "abuse", Classification.COMPLAINT,
            "fraud", Classification.COMPLAINT,
            "not-spam", Classification.NOT_SPAM,
            "auth-failure", Classification.AUTH_FAILURE,
            "opt-out", Classification.UNSUBSCRIBE,
            "other", Classification.OTHER);
    /** The files without a Feedback-Type: Hotmail's reports without a report part, and Apple's mailto unsubscribe. */
    private static final Map<String, Classification> WITHOUT_FEEDBACK_TYPE = Map.of(
            "arf-22.eml", Classification.COMPLAINT,
            "arf-23.eml", Classification.COMPLAINT,
            "arf-24.eml", Classification.COMPLAINT,
            "arf-26.eml", Classification.UNSUBSCRIBE);

    private final MailReader reader = Fixtures.reader();

    static Stream<Path> arf() {
        return Fixtures.corpus("arf", ".eml").stream();
    }

    static Stream<Path> bounces() {
        return Fixtures.corpus("bounces", ".eml").stream();
    }

    static Stream<Path> autoReplies() {
        return Fixtures.corpus("auto-replies", ".eml").stream();
    }

    static Stream<Path> forwardBodies() {
        return Fixtures.corpus("inline-forwards", ".txt").stream()
                .filter(f -> f.getFileName().toString().contains("_body"));
    }

    static Stream<Path> forwardSubjects() {
        return Fixtures.corpus("inline-forwards", ".txt").stream()
                .filter(f -> f.getFileName().toString().contains("_subject"));
    }

    @ParameterizedTest
    @MethodSource("arf")
    void arfReport_isClassifiedByItsFeedbackType(Path file) {
        // GIVEN a feedback-loop report as a provider sent it
        String text = new String(Fixtures.read(file), StandardCharsets.ISO_8859_1);
        var feedbackType = FEEDBACK_TYPE
                .matcher(text)
                .results()
                .map(m -> m.group(1).toLowerCase())
                .findFirst();

        // WHEN it is read
        var reading = reader.read(Fixtures.read(file));

        // THEN its classification is the one its Feedback-Type says, and it holds one reported message
        var expected = feedbackType
                .map(BY_FEEDBACK_TYPE::get)
                .orElseGet(() -> WITHOUT_FEEDBACK_TYPE.get(file.getFileName().toString()));
        assertThat(reading.classification()).as(file.toString()).isEqualTo(expected);
        assertThat(reading.reports()).hasSize(1);
        assertThat(reading.reports().get(0).format())
                .isEqualTo(file.getFileName().toString().equals("arf-26.eml") ? ReportFormat.TEXT : ReportFormat.ARF);
        assertThat(reading.mail().truncated()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("arf")
    void arfReport_withOurHeadersInItsReportedMessage_isTiedToTheMailingAndAccount(Path file) {
        // GIVEN the report with the design brief's headers added to its reported message (where it has one)
        String text = new String(Fixtures.read(file), StandardCharsets.ISO_8859_1);
        var part = RFC822_PART.matcher(text);
        if (!part.find()) {
            return;
        }
        String eol = part.group(1);
        int headersStart = text.indexOf(eol + eol, part.start()) + 2 * eol.length();
        String injected = text.substring(0, headersStart) + "X-Mailing: 14141611" + eol + "X-Client: 121070" + eol
                + text.substring(headersStart);

        // WHEN it is read
        var reading = reader.read(injected.getBytes(StandardCharsets.ISO_8859_1));

        // THEN the complaint is tied to both, and says where they came from
        var resolution = reading.reports().get(0).resolution();
        assertThat(resolution.mailingId()).as(file.toString()).contains("14141611");
        assertThat(resolution.accountId()).contains("121070");
        assertThat(resolution.source()).contains("header:X-Mailing");
        assertThat(resolution.conflict()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("bounces")
    void deliveryStatusNotification_isABounce(Path file) {
        var reading = reader.read(Fixtures.read(file));

        assertThat(reading.classification()).as(file.toString()).isEqualTo(Classification.BOUNCE);
        assertThat(reading.reports()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("autoReplies")
    void automaticReply_isAnAutoReply(Path file) {
        var reading = reader.read(Fixtures.read(file));

        assertThat(reading.classification()).as(file.toString()).isEqualTo(Classification.AUTO_REPLY);
        assertThat(reading.reports()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("forwardBodies")
    void inlineForward_inAPlainTextBody_isFoundWithItsHeaderBlockAndLinks(Path file) {
        // GIVEN a client's inline forward whose forwarded text links to one of our mailings
        String body = new String(Fixtures.read(file), StandardCharsets.UTF_8)
                + "\n\nhttps://links.example.com/c?mid=14141611&l=1\n";
        byte[] mail = mail("text/plain; charset=utf-8", "8bit", body);

        // WHEN it is read
        var reading = reader.read(mail);

        // THEN it is an inline forward tied to the mailing by the link
        assertInlineForward(file, body, reading);
    }

    @ParameterizedTest
    @MethodSource("forwardBodies")
    void inlineForward_inAnHtmlBody_isFoundWithItsHeaderBlockAndLinks(Path file) {
        // GIVEN the same forward as HTML, base64-encoded, the link an anchor
        String text = new String(Fixtures.read(file), StandardCharsets.UTF_8);
        String html = "<html><body><div>"
                + text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\n", "<br>\n")
                + "</div><p><a href=\"https://links.example.com/c?mid=14141611&amp;l=1\">kaufen</a></p></body></html>";
        byte[] mail = mail(
                "text/html; charset=utf-8",
                "base64",
                Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));

        // WHEN it is read
        var reading = reader.read(mail);

        // THEN it is found as in the text body
        assertInlineForward(file, text, reading);
    }

    @ParameterizedTest
    @MethodSource("forwardSubjects")
    void forwardedSubject_inRfc2047_isDecoded_andWhatWasTypedInItResolves(Path file) {
        // GIVEN a forward's subject, encoded as RFC 2047 words, with a Mailing ID typed into it
        String subject = new String(Fixtures.read(file), StandardCharsets.UTF_8).strip() + " (Mailing ID 14141611)";
        String encoded =
                "=?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
        byte[] mail = Fixtures.mail(
                "From: Erika Muster <erika.muster@example.net>",
                "To: abuse@example.com",
                "Subject: " + encoded,
                "Content-Type: text/plain",
                "",
                "Spam.");

        // WHEN it is read
        var reading = reader.read(mail);

        // THEN the subject reads as typed, and the Mailing ID comes from what was typed
        assertThat(reading.mail().subject()).isEqualTo(subject);
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("14141611");
        assertThat(reading.reports().get(0).resolution().source()).contains("text");
    }

    private static void assertInlineForward(Path file, String body, MailReading reading) {
        assertThat(reading.classification()).as(file.toString()).isEqualTo(Classification.COMPLAINT);
        assertThat(reading.reports()).hasSize(1);
        var report = reading.reports().get(0);
        assertThat(report.format()).as(file.toString()).isEqualTo(ReportFormat.INLINE_FORWARD);
        assertThat(report.resolution().mailingId()).contains("14141611");
        assertThat(report.resolution().source()).contains("body:link");
        if (Pattern.compile("(?m)(?:Subject|Betreff)\\s*:\\s*\\*?\\s*Integer consequat non purus")
                .matcher(body)
                .find()) {
            assertThat(report.message().forwardedHeaders().first("Subject"))
                    .as(file.toString())
                    .isEqualTo(Optional.of("Integer consequat non purus"));
        }
        // the forwarded text, or the quoted one of a reply
        assertThat(report.message().text())
                .as(file.toString())
                .containsAnyOf("Aenean quis diam urna", "Unicum iter ad supremum");
    }

    private static byte[] mail(String contentType, String encoding, String body) {
        return Fixtures.mail(
                "From: Erika Muster <erika.muster@example.net>",
                "To: abuse@example.com",
                "Subject: Fwd: Integer consequat non purus",
                "MIME-Version: 1.0",
                "Content-Type: " + contentType,
                "Content-Transfer-Encoding: " + encoding,
                "",
                body.replace("\r\n", "\n").replace("\n", "\r\n"));
    }
}
