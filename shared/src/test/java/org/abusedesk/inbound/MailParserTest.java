package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One fixture per shape a complaint arrives in: what it is, where its Mailing ID is, and where that came from. */
class MailParserTest {

    private final MailReader reader = Fixtures.reader();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // fixture,                     classification, format,           mailingId, accountId, source
        "attached-message.eml,          COMPLAINT,      ATTACHED_MESSAGE, 14141611,  121070,    header:X-Mailing",
        "attached-message-base64.eml,   COMPLAINT,      ATTACHED_MESSAGE, 14141611,  121070,    header:X-Mailing",
        "attached-octet-stream.eml,     COMPLAINT,      ATTACHED_MESSAGE, 14141611,  121070,    header:X-Mailing",
        "forward-of-forward.eml,        COMPLAINT,      ATTACHED_MESSAGE, 14141611,  121070,    header:X-Mailing",
        "xarf-attachment.eml,           COMPLAINT,      XARF,             14141611,  121070,    header:X-Mailing",
        "xarf-body.eml,                 COMPLAINT,      XARF,             14141611,  121070,    header:X-Mailing",
        "cfbl-report.eml,               COMPLAINT,      ARF,              14141611,  121070,    header:CFBL-Feedback-ID",
        "arf-not-spam.eml,              NOT_SPAM,       ARF,              14141611,  121070,    header:X-Mailing",
        "arf-other.eml,                 OTHER,          ARF,              14141611,  121070,    header:X-Mailing",
        "arf-fraud-headers-only.eml,    COMPLAINT,      ARF,              14141611,  121070,    header:X-Mailing",
        "inline-forward-html.eml,       COMPLAINT,      INLINE_FORWARD,   14141611,  ,          body:link",
        "pasted-headers.eml,            COMPLAINT,      TEXT,             14141611,  121070,    pasted:List-Id",
        "typed-subject.eml,             COMPLAINT,      TEXT,             14141611,  ,          text",
        "typed-body-base64.eml,         COMPLAINT,      TEXT,             14141611,  ,          text",
        "no-mailing-id.eml,             ENQUIRY,        TEXT,             ,          ,          ",
        "unsubscribe-mailto.eml,        UNSUBSCRIBE,    TEXT,             ,          ,          ",
        "auto-reply-german.eml,         AUTO_REPLY,     TEXT,             ,          ,          ",
        "bounce-without-report.eml,     BOUNCE,         TEXT,             ,          ,          ",
    })
    void read_tellsWhatTheMailIs_andWhereItsMailingIdCameFrom(
            String fixture,
            Classification classification,
            ReportFormat format,
            String mailingId,
            String accountId,
            String source) {
        // GIVEN a mail of one shape

        // WHEN it is read
        var reading = reader.read(Fixtures.mail(fixture));

        // THEN it has one reported message, tied to the mailing (or to none) with the source recorded
        assertThat(reading.classification()).isEqualTo(classification);
        assertThat(reading.reports()).hasSize(1);
        var report = reading.reports().get(0);
        assertThat(report.format()).isEqualTo(format);
        assertThat(report.resolution().mailingId()).isEqualTo(Optional.ofNullable(mailingId));
        assertThat(report.resolution().accountId()).isEqualTo(Optional.ofNullable(accountId));
        assertThat(report.resolution().source()).isEqualTo(Optional.ofNullable(source));
        assertThat(report.resolution().conflict()).isFalse();
        assertThat(reading.mail().truncated()).isFalse();
    }

    @Test
    void twoAttachedMessages_areTwoReports_eachWithItsOwnMailing() {
        var reading = reader.read(Fixtures.mail("attached-two-messages.eml"));

        assertThat(reading.reports())
                .extracting(
                        r -> r.resolution().mailingId().orElseThrow(),
                        r -> r.resolution().accountId().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("14141611", "121070"),
                        org.assertj.core.groups.Tuple.tuple("14141612", "121071"));
        assertThat(reading.reports()).allSatisfy(r -> assertThat(r.format()).isEqualTo(ReportFormat.ATTACHED_MESSAGE));
    }

    @Test
    void attachedMessage_keepsItsRawBytes_andTheComplainantsText() {
        var reading = reader.read(Fixtures.mail("attached-message.eml"));

        var mail = reading.mail();
        assertThat(mail.senderAddress()).contains("erika.muster@example.net");
        assertThat(mail.senderName()).contains("Erika Muster");
        assertThat(mail.subject()).isEqualTo("Spam");
        assertThat(mail.typed()).isEqualTo("Ich habe diesen Newsletter nie bestellt.");
        assertThat(mail.language()).isEqualTo(Language.DE);
        var raw = new String(
                reading.reports().get(0).message().raw().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw)
                .startsWith("Return-Path: <bounce-14141611@mail.example.com>\r\n")
                .contains("X-Mailing: 14141611\r\n");
    }

    @Test
    void sourcesThatDisagree_areAllKept_andFlaggedAsConflict() {
        // GIVEN an attached message whose X-Mailing and Feedback-ID disagree, and a subject naming a third ID
        var reading = reader.read(Fixtures.mail("conflict.eml"));

        // THEN the first source in the order wins, every candidate is kept with its source, and the conflict shows
        var resolution = reading.reports().get(0).resolution();
        assertThat(resolution.mailingId()).contains("14141611");
        assertThat(resolution.source()).contains("header:X-Mailing");
        assertThat(resolution.conflict()).isTrue();
        assertThat(resolution.candidates())
                .extracting(c -> c.mailingId() + "@" + c.source())
                .containsExactly(
                        "14141611@header:X-Mailing",
                        "14141699@header:Feedback-ID",
                        "14141611@header:List-Unsubscribe",
                        "14141611@body:link",
                        "99999999@text");
    }

    @Test
    void inlineHtmlForward_readsTheForwardedHeaderBlock_andWhatWasTypedAboveIt() {
        var reading = reader.read(Fixtures.mail("inline-forward-html.eml"));

        var report = reading.reports().get(0);
        assertThat(reading.mail().typed()).isEqualTo("Bitte abstellen!");
        assertThat(report.message().forwardedHeaders().fields())
                .containsExactly(
                        new MailHeaders.Field("From", "Newsletter <news@shop.example.org>"),
                        new MailHeaders.Field("Date", "Dienstag, 3. November 2026 09:11"),
                        new MailHeaders.Field("To", "erika.muster@example.net"),
                        new MailHeaders.Field("Subject", "Grosse Rabatte nur heute"));
        assertThat(report.message().text()).isEqualTo("Jetzt kaufen & sparen.");
        assertThat(report.message().links()).containsExactly("https://links.example.com/m/14141611/c?l=1");
    }

    @Test
    void typedSubject_inLatin1QuotedPrintable_isDecoded() {
        var reading = reader.read(Fixtures.mail("typed-subject.eml"));

        assertThat(reading.mail().subject()).isEqualTo("Beschwerde über Mailing-ID #14141611");
        assertThat(reading.mail().senderName()).contains("Jürgen Müller");
        assertThat(reading.mail().typed()).isEqualTo("Ich möchte diese Mails nicht mehr bekommen.");
    }

    @Test
    void outlookMsgAttachment_isReadWithItsTransportHeaders() {
        // GIVEN an Outlook .msg file attached to a complaint
        byte[] msg = OutlookFiles.message(
                "Grosse Rabatte nur heute",
                "Received: from mta1.example.com\r\nX-Mailing: 14141611\r\nX-Client: 121070\r\n",
                "Jetzt kaufen: https://links.example.com/c?mid=14141611");

        // WHEN it is read
        var reading = reader.read(Fixtures.withOutlookAttachment(msg));

        // THEN the message's headers tie it to the mailing
        var report = reading.reports().get(0);
        assertThat(report.format()).isEqualTo(ReportFormat.ATTACHED_MESSAGE);
        assertThat(report.resolution().mailingId()).contains("14141611");
        assertThat(report.resolution().accountId()).contains("121070");
        assertThat(report.resolution().source()).contains("header:X-Mailing");
        assertThat(report.message().headers().first("Subject")).isPresent();
        assertThat(report.message().text()).contains("Jetzt kaufen");
    }

    @Test
    void outlookMsgAttachment_asOutlookSavesIt_isReadWithItsCodePageAndHtmlLinks() {
        // GIVEN a .msg as Outlook writes one: property streams, named properties, a recipient, an attachment and
        // 8-bit strings in windows-1252 (what POI reads of it must need no library left out of the functions)
        byte[] mail = Fixtures.forwardedAsOutlookMessage();

        // WHEN it is read
        var reading = reader.read(mail);

        // THEN its headers tie it to the mailing, its text is decoded, and its HTML body's link is kept
        var report = reading.reports().get(0);
        assertThat(report.format()).isEqualTo(ReportFormat.ATTACHED_MESSAGE);
        assertThat(report.resolution().mailingId()).contains("14141611");
        assertThat(report.resolution().source()).contains("header:X-Mailing");
        assertThat(report.message().text()).contains("Grüße aus dem Shop");
        assertThat(report.message().links()).contains("https://links.example.com/c?mid=14141611");
    }

    @Test
    void crOnlyLineEnds_areRead() {
        var reading = reader.read(Fixtures.mail(
                        "From: fbl@provider.example",
                        "Subject: x",
                        "Content-Type: text/plain",
                        "",
                        "Mailing ID 14141611")
                .clone());
        byte[] crOnly = new String(
                        Fixtures.mail(
                                "From: fbl@provider.example",
                                "Subject: x",
                                "Content-Type: text/plain",
                                "",
                                "Mailing ID 14141611"),
                        java.nio.charset.StandardCharsets.US_ASCII)
                .replace("\r\n", "\r")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        var crReading = reader.read(crOnly);

        assertThat(crReading.mail().subject()).isEqualTo("x");
        assertThat(crReading.reports().get(0).resolution().mailingId())
                .isEqualTo(reading.reports().get(0).resolution().mailingId())
                .contains("14141611");
    }

    @Test
    void emptyInput_isOneUnattributedTextReport_anEnquiryForNothingTiesItToAMailing() {
        var reading = reader.read(new byte[0]);

        assertThat(reading.mail().classification()).isEqualTo(Classification.COMPLAINT);
        assertThat(reading.classification()).isEqualTo(Classification.ENQUIRY);
        assertThat(reading.reports()).extracting(ReadReport::format).containsExactly(ReportFormat.TEXT);
        assertThat(reading.reports().get(0).resolution().mailingId()).isEmpty();
        assertThat(List.of(reading.mail().truncated())).containsExactly(false);
    }

    @Test
    void sender_isTheAngleAddress_notAnEncodedWordThatDecodesToAnAddress() {
        var reading = reader.read(Fixtures.mail(
                "From: =?utf-8?q?victim=40example.org?= <attacker@evil.example>",
                "To: abuse@example.com",
                "Subject: Spam",
                "",
                "Mailing ID: 14141611"));

        assertThat(reading.mail().senderAddress()).contains("attacker@evil.example");
    }

    @Test
    void sender_ofAFromWithTwoMailboxes_orOnlyAnEncodedWord_isNone() {
        for (String from : List.of(
                "victim@example.org, attacker@evil.example",
                "=?utf-8?b?dmljdGltQGV4YW1wbGUub3Jn?=",
                "friends: victim@example.org;")) {
            var reading = reader.read(Fixtures.mail(
                    "From: " + from, "To: abuse@example.com", "Subject: Spam", "", "Mailing ID: 14141611"));

            assertThat(reading.mail().senderAddress()).as(from).isEmpty();
        }
    }
}
