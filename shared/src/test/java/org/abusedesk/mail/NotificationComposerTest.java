package org.abusedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.Salutation;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

class NotificationComposerTest {

    private static final String REFERENCE = "01KAYZ7W3J5D6Q0ZV8G5N4M2XQ";

    private final NotificationComposer composer =
            new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com");

    @Test
    void compose_addressesTheAbuseTeamFromTheDesk() throws IOException {
        var mail = composer.compose(complaint("spam", Optional.of("Erika Muster"), Salutation.FRAU));

        assertThat(mail.from()).isEqualTo("abuse-desk@example.com");
        assertThat(mail.to()).containsExactly("abuse-team@example.com");
        var message = parse(mail);
        assertThat(message.getFrom().get(0).getAddress()).isEqualTo("abuse-desk@example.com");
        assertThat(message.getTo().flatten().get(0).getAddress()).isEqualTo("abuse-team@example.com");
        assertThat(message.getSubject()).isEqualTo("Complaint on mailing 14141611 (reference " + REFERENCE + ")");
        assertThat(message.getMessageId()).isEqualTo("<" + REFERENCE + "@abuse-desk>");
        assertThat(message.getHeader().getField("Auto-Submitted").getBody()).isEqualTo("auto-generated");
        assertThat(message.getHeader().getField("References").getBody()).isEqualTo("<mailing-14141611@abuse-desk>");
    }

    @Test
    void compose_givesTheComplaintInTextAndHtml() throws IOException {
        var message =
                parse(composer.compose(complaint("Ich will das nicht.", Optional.of("Erika Muster"), Salutation.FRAU)));

        String text = part(message, "text/plain");
        assertThat(text)
                .contains("Mailing ID:   14141611")
                .contains("Reference:    " + REFERENCE)
                .contains("Channel:      FORM")
                .contains("Account:      unknown")
                .contains("Evidence:     none")
                .contains("Received:     2026-11-28 10:15:30 UTC")
                .contains("Complainant:  Frau Erika Muster <a@example.net>")
                .contains("Ich will das nicht.");
        assertThat(part(message, "text/html"))
                .contains("<td>14141611</td>")
                .contains("<td>Frau Erika Muster &lt;a@example.net&gt;</td>")
                .contains("Ich will das nicht.");
    }

    @Test
    void compose_escapesMarkupInEverythingTheComplainantWrote() throws IOException {
        var message = parse(composer.compose(complaint(
                "<script>alert('x')</script> & \"quoted\"",
                Optional.of("<img src=x onerror=alert(1)>"),
                Salutation.NONE)));

        String html = part(message, "text/html");
        assertThat(html).doesNotContain("<script>").doesNotContain("<img");
        // In element content only <, > and & need escaping; jte escapes quotes where they matter, in attributes.
        assertThat(html).contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quoted\"");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        // The text part is plain text: shown as written, never interpreted.
        assertThat(part(message, "text/plain")).contains("<script>alert('x')</script>");
    }

    @Test
    void compose_keepsLineBreaksOfTheComplainantOutOfTheHeaders() throws IOException {
        var message = parse(composer.compose(complaint(
                "line one\r\nBcc: victim@example.org", Optional.of("Eve\r\nBcc: x@example.org"), Salutation.NONE)));

        assertThat(message.getHeader().getFields().stream()
                        .map(f -> f.getName())
                        .toList())
                .containsExactly(
                        "MIME-Version",
                        "From",
                        "To",
                        "Subject",
                        "Date",
                        "Message-ID",
                        "References",
                        "Auto-Submitted",
                        "X-Abuse-Desk-Reference",
                        "Content-Type");
        assertThat(part(message, "text/plain")).contains("Bcc: victim@example.org");
    }

    @Test
    void compose_ofAMailedComplaint_namesTheAccountAndWhereTheEvidenceIs() throws IOException {
        var message = parse(composer.compose(mailed(false)));

        assertThat(part(message, "text/plain"))
                .contains("Mailing ID:   14141611")
                .contains("Account:      121070")
                .contains("Channel:      MAIL")
                .contains("Evidence:     s3://inbound/inbound/ses-1");
        assertThat(part(message, "text/html"))
                .contains("<td>121070</td>")
                .contains("<td>s3://inbound/inbound/ses-1</td>");
    }

    @Test
    void compose_ofAQuarantinedComplaint_neitherLinksNorAttachesItsEvidence() throws IOException {
        var mail = composer.compose(mailed(true));
        var message = parse(mail);

        assertThat(new String(mail.raw(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("s3://");
        assertThat(part(message, "text/plain")).contains("Evidence:     withheld: a virus was found in the mail");
        assertThat(((Multipart) message.getBody()).getBodyParts()).hasSize(2);
    }

    private static Complaint mailed(boolean quarantined) {
        var provenance = new org.abusedesk.complaint.MailProvenance(
                "ses-1",
                0,
                org.abusedesk.complaint.ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:X-Mailing"),
                java.util.List.of(),
                false,
                false,
                Optional.of("s3://inbound/inbound/ses-1"),
                java.util.List.of(),
                org.abusedesk.complaint.ReceiptVerdicts.UNKNOWN,
                quarantined);
        return new Complaint(
                ComplaintKey.of("14141611", REFERENCE),
                Channel.MAIL,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                Instant.parse("2026-11-28T10:15:30Z"),
                new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.DE),
                "Spam",
                new Attribution(Optional.of("121070"), false, Optional.of(provenance)),
                Instant.parse("2027-05-27T10:15:30Z"));
    }

    @Test
    void composer_refusesAnAddressThatIsNoAddress() {
        assertThatThrownBy(() -> new NotificationComposer("not an address <", "abuse-team@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("senderAddress is not a mail address");
    }

    private static Complaint complaint(String message, Optional<String> name, Salutation salutation) {
        return new Complaint(
                ComplaintKey.of("14141611", REFERENCE),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                Instant.parse("2026-11-28T10:15:30Z"),
                new Complainant("a@example.net", name, salutation, Language.DE),
                message,
                Attribution.NONE,
                Instant.parse("2027-05-27T10:15:30Z"));
    }

    private static Message parse(OutgoingMail mail) throws IOException {
        return new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(mail.raw()));
    }

    private static String part(Message message, String mimeType) throws IOException {
        for (Entity part : ((Multipart) message.getBody()).getBodyParts()) {
            if (part.getMimeType().equals(mimeType)) {
                var out = new StringWriter();
                try (var reader = ((TextBody) part.getBody()).getReader()) {
                    reader.transferTo(out);
                }
                return out.toString();
            }
        }
        throw new AssertionError("no " + mimeType + " part");
    }
}
