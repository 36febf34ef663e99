package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.outgoing.AcknowledgementComposer;
import org.abusedesk.outgoing.NotificationComposer;
import org.abusedesk.outgoing.OutgoingMail;
import org.abusedesk.processing.Notification;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inbound mail entry point's hostile input catalogue: a complaint mail whose sender's name, subject, Mailing ID
 * and account headers carry header or markup injection, or whose structure is a MIME bomb. Each row is read as the
 * inbound function reads it, stored as a complaint, and composed into the abuse team's notification and the
 * complainant's acknowledgement, where it must arrive escaped: no header added, no header value broken, no markup
 * in the HTML. (The size, nesting, part, header and line limits themselves are MailLimitsTest's.)
 */
class HostileMailCatalogueTest {

    private static final MailReader READER = Fixtures.reader();
    private static final String MAIL = new String(Fixtures.mail("attached-message.eml"), StandardCharsets.UTF_8);
    private static final NotificationComposer NOTIFICATION =
            new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com");
    private static final AcknowledgementComposer ACKNOWLEDGEMENT =
            new AcknowledgementComposer("abuse-desk@example.com");
    private static final List<String> NOTIFICATION_HEADERS = List.of(
            "MIME-Version",
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "References",
            "Auto-Submitted",
            "X-Abuse-Desk-Mailing-ID",
            "X-Abuse-Desk-Reference",
            "Content-Type");
    private static final List<String> ACKNOWLEDGEMENT_HEADERS = List.of(
            "MIME-Version",
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "Auto-Submitted",
            "X-Abuse-Desk-Reference",
            "Content-Type");

    static Stream<Arguments> catalogue() {
        return Stream.of(
                row(
                        "CR LF in the sender's name (encoded word)",
                        "From",
                        "=?utf-8?Q?Eve=0D=0ABcc:_x@example.org?= <eve@example.net>"),
                row(
                        "LF in the sender's name (encoded word)",
                        "From",
                        "=?utf-8?Q?Eve=0ABcc:_x@example.org?= <eve@example.net>"),
                row("NUL in the sender's name", "From", "=?utf-8?Q?Eve=00Bcc:_x@example.org?= <eve@example.net>"),
                row(
                        "U+2028 in the sender's name",
                        "From",
                        "=?utf-8?Q?Eve=E2=80=A8Bcc:_x@example.org?= <eve@example.net>"),
                row(
                        "U+2029 in the sender's name",
                        "From",
                        "=?utf-8?Q?Eve=E2=80=A9Bcc:_x@example.org?= <eve@example.net>"),
                row(
                        "U+760D/U+760A (CR/LF truncated to a byte) in the name",
                        "From",
                        "=?utf-8?B?"
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "Eve\u760D\u760ABcc: x@example.org".getBytes(StandardCharsets.UTF_8))
                                + "?= <eve@example.net>"),
                row("CR LF in the subject (encoded word)", "Subject", "=?utf-8?Q?spam=0D=0ABcc:_x@example.org?="),
                row("U+2028 in the subject", "Subject", "=?utf-8?Q?spam=E2=80=A8Bcc:_x@example.org?="),
                row("script in the subject", "Subject", "<script>alert(1)</script>"),
                row("script in the sender's name", "From", "\"<script>alert(1)</script>\" <eve@example.net>"),
                row("img onerror in the subject", "Subject", "<img src=x onerror=alert(1)>"),
                row(
                        "CR LF in the Mailing ID header (encoded)",
                        "X-Mailing",
                        "=?utf-8?Q?1414=0D=0ABcc:_x@example.org?="),
                row("script in the Mailing ID header", "X-Mailing", "<script>1</script>"),
                row("CR LF in the account header (encoded)", "X-Client", "=?utf-8?Q?121070=0D=0ABcc:_x?="),
                row("IDN domain in the sender", "From", "Erika <erika@bücher.example>"),
                row("non-ASCII local part in the sender", "From", "Jörg <jörg.müller@example.net>"),
                row("invalid UTF-8 in the subject", "Subject", "spam \u00ff\u00fe broken"),
                row("RFC 2231 parameter flood", "Content-Type", "multipart/mixed; boundary=\"outer\"" + flood()),
                row("ten thousand encoded words in the subject", "Subject", "=?utf-8?Q?a?= ".repeat(10_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void hostileMail_isStored_andReachesEveryMailEscaped(String row, String header, String value) throws IOException {
        // GIVEN the complaint mail with the hostile header value (invalid UTF-8 rows as Latin-1 bytes)
        byte[] mail = withHeader(header, value);

        // WHEN it is read as the inbound function reads it, into the complaints it stores
        var raw = new RawMails.RawMail(mail, false, "s3://inbound/inbound/hostile", Instant.now());
        List<Complaint> complaints = receiveMail()
                .complaints(new ReceivedMail("hostile", Instant.now(), Optional.empty(), ReceiptVerdicts.UNKNOWN), raw);

        // THEN it is stored, one complaint at least ...
        assertThat(complaints).as(row).isNotEmpty();
        for (var complaint : complaints) {
            // ... and the team's notification and the acknowledgement add no header and break no header line
            var notification = parse(NOTIFICATION.compose(notification(complaint)));
            assertThat(names(notification)).as(row).isEqualTo(NOTIFICATION_HEADERS);
            assertSingleLines(notification, row);
            assertThat(html(notification)).as(row).doesNotContain("<script", "<img");
            if (complaint.complainant().email().contains("@")) {
                var acknowledgement = parse(ACKNOWLEDGEMENT.compose(complaint));
                assertThat(names(acknowledgement)).as(row).isEqualTo(ACKNOWLEDGEMENT_HEADERS);
                assertSingleLines(acknowledgement, row);
                assertThat(html(acknowledgement)).as(row).doesNotContain("<script", "<img");
            }
        }
    }

    private static Arguments row(String name, String header, String value) {
        return Arguments.of(name, header, value);
    }

    private static String flood() {
        var parameters = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            parameters.append(";\r\n p").append(i).append("*").append(i % 50).append("*=utf-8''%41%42");
        }
        return parameters.toString();
    }

    /** The fixture with the header's value replaced (or, for Content-Type, the reported message's). */
    private static byte[] withHeader(String header, String value) {
        String mail = "\n" + MAIL;
        int at = mail.indexOf("\n" + header + ":");
        if (at < 0) {
            mail = mail.replaceFirst(
                    "\r?\nX-Mailing:",
                    "\r\n" + header + ": " + java.util.regex.Matcher.quoteReplacement(value) + "\r\nX-Mailing:");
        } else {
            int end = mail.indexOf('\n', at + 1);
            mail = mail.substring(0, at + 1) + header + ": " + value + "\r" + mail.substring(end);
        }
        mail = mail.substring(1);
        return value.contains("\u00ff")
                ? mail.getBytes(StandardCharsets.ISO_8859_1)
                : mail.getBytes(StandardCharsets.UTF_8);
    }

    private static ReceiveMail receiveMail() {
        return new ReceiveMail(
                new InMemoryRawMails(),
                READER,
                new org.abusedesk.complaint.InMemoryComplaints(),
                new org.abusedesk.metrics.RecordingDeskMetrics(),
                InboundLimits.DEFAULT,
                Duration.ofDays(180));
    }

    private static Notification notification(Complaint complaint) {
        return new Notification(
                complaint.mailingId(),
                Optional.empty(),
                complaint.attribution().claimedAccountId().map(AccountId::new),
                AccountStatus.ACTIVE,
                Optional.empty(),
                List.of(complaint),
                1,
                Optional.empty(),
                Notification.Paging.ONLY);
    }

    private static Message parse(OutgoingMail mail) throws IOException {
        return new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(mail.raw()));
    }

    private static List<String> names(Message message) {
        return message.getHeader().getFields().stream().map(f -> f.getName()).toList();
    }

    private static void assertSingleLines(Message message, String row) {
        for (var field : message.getHeader().getFields()) {
            String unfolded = field.getBody().replaceAll("\r\n[ \t]", " ");
            assertThat(unfolded).as("%s: %s", row, field.getName()).doesNotContain("\r", "\n", "\u0000");
        }
    }

    private static String html(Message message) throws IOException {
        for (Entity part : ((Multipart) message.getBody()).getBodyParts()) {
            if (part.getMimeType().equals("text/html")) {
                var out = new StringWriter();
                try (var reader = ((TextBody) part.getBody()).getReader()) {
                    reader.transferTo(out);
                }
                return out.toString();
            }
        }
        throw new AssertionError("no HTML part");
    }
}
