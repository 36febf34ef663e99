package org.abusedesk.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.StatusChange;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verification;
import org.abusedesk.processing.Notification;
import org.abusedesk.registration.Mailing;
import org.junit.jupiter.api.Test;

class NotificationComposerTest {

    private static final String REFERENCE = "01KAYZ7W3J5D6Q0ZV8G5N4M2XQ";

    private final NotificationComposer composer =
            new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com");

    @Test
    void compose_addressesTheAbuseTeamFromTheDesk() throws IOException {
        var mail = composer.compose(notification("spam", Optional.of("Erika Muster"), Salutation.FRAU));

        assertThat(mail.from()).isEqualTo("abuse-desk@example.com");
        assertThat(mail.to()).containsExactly("abuse-team@example.com");
        var message = MimeParts.parse(mail.raw());
        assertThat(message.getFrom().get(0).getAddress()).isEqualTo("abuse-desk@example.com");
        assertThat(message.getTo().flatten().get(0).getAddress()).isEqualTo("abuse-team@example.com");
        assertThat(message.getSubject())
                .isEqualTo("[ACTIVE] Mailing 14141611 · account 121070 · 1 complaint · no recipient count");
        assertThat(message.getMessageId()).isEqualTo("<" + REFERENCE + ".1@abuse-desk>");
        assertThat(message.getHeader().getField("Auto-Submitted").getBody()).isEqualTo("auto-generated");
        assertThat(message.getHeader().getField("References").getBody()).isEqualTo("<mailing-14141611@abuse-desk>");
    }

    @Test
    void compose_givesTheComplaintInTextAndHtml() throws IOException {
        var message = MimeParts.parse(
                composer.compose(notification("Ich will das nicht.", Optional.of("Erika Muster"), Salutation.FRAU)));

        String text = MimeParts.part(message, "text/plain").replace("\r\n", "\n");
        assertThat(text)
                .contains("Mailing ID:   14141611")
                .contains("Account:      121070 (ACTIVE)")
                .contains("Mailing:      not registered; account named by a verified signature")
                .contains("Complaints:   1 complaint, rate no recipient count")
                .contains("---- Complaint " + REFERENCE)
                .contains("Channel:      FORM")
                .contains("Verified:     no, FORM: a web form complaint: nothing in it can be proven")
                .contains("Source:       web form")
                .contains("Evidence:     none")
                .contains("Received:     2026-11-28 10:15:30 UTC")
                .contains("Complainant:  Frau Erika Muster <a@example.net>")
                .contains("Open:         GET /admin/complaints/14141611/" + REFERENCE
                        + " · ./abuse-desk complaints show 14141611 " + REFERENCE)
                .contains("The complainant wrote:\n> Ich will das nicht.");
        assertThat(MimeParts.part(message, "text/html"))
                .contains("<td>14141611</td>")
                .contains("<td>Frau Erika Muster &lt;a@example.net&gt;</td>")
                .contains("Ich will das nicht.");
    }

    @Test
    void compose_escapesMarkupInEverythingTheComplainantWrote() throws IOException {
        var message = MimeParts.parse(composer.compose(notification(
                "<script>alert('x')</script> & \"quoted\"",
                Optional.of("<img src=x onerror=alert(1)>"),
                Salutation.NONE)));

        String html = MimeParts.part(message, "text/html");
        assertThat(html).doesNotContain("<script>").doesNotContain("<img");
        // In element content only <, > and & need escaping; jte escapes quotes where they matter, in attributes.
        assertThat(html).contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quoted\"");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        // The text part is plain text: shown as written, never interpreted.
        assertThat(MimeParts.part(message, "text/plain")).contains("<script>alert('x')</script>");
    }

    @Test
    void compose_keepsLineBreaksOfTheComplainantOutOfTheHeaders() throws IOException {
        var message = MimeParts.parse(composer.compose(notification(
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
                        "X-Abuse-Desk-Mailing-ID",
                        "X-Abuse-Desk-Reference",
                        "Content-Type");
        assertThat(MimeParts.part(message, "text/plain")).contains("Bcc: victim@example.org");
    }

    @Test
    void compose_ofAnEscalation_namesStatusRateAndEveryComplaint() throws IOException {
        var registered = Mailing.registered(
                new MailingId("14141611"),
                new AccountId("121070"),
                OptionalLong.of(1000),
                Instant.parse("2026-11-28T09:00:00Z"),
                Optional.of("Winter sale"),
                Optional.of("news@shop.example"));
        var escalation = new StatusChange(
                new AccountId("121070"),
                AccountStatus.ACTIVE,
                AccountStatus.FLAGGED,
                Instant.parse("2026-11-28T10:16:00Z"),
                "complaint rate 0.3000 % >= 0.1 % with 3 complaints on 1000 recipients",
                StatusChange.AUTOMATIC,
                new ComplaintStatistics(3, 0, 1000, 0),
                List.of(REFERENCE));
        var second = complaint("second", Optional.empty(), Salutation.NONE);
        var notification = new Notification(
                new MailingId("14141611"),
                Optional.of(registered),
                Optional.of(new AccountId("121070")),
                AccountStatus.FLAGGED,
                Optional.of(escalation),
                List.of(complaint("first", Optional.empty(), Salutation.NONE), second),
                3,
                Optional.of(new BigDecimal("0.3000")),
                Notification.Paging.ONLY);

        var message = MimeParts.parse(composer.compose(notification));

        assertThat(message.getSubject())
                .isEqualTo("[FLAGGED] Mailing 14141611 · account 121070 · 3 complaints · 0.30 %");
        assertThat(MimeParts.part(message, "text/plain"))
                .startsWith("Account 121070 escalated: ACTIVE → FLAGGED: complaint rate 0.3000 % >= 0.1 % with 3"
                        + " complaints on 1000 recipients")
                .contains("Mailing:      registered, sent 2026-11-28 09:00:00 UTC, 1000 recipients, subject \"Winter"
                        + " sale\", from news@shop.example")
                .contains("first")
                .contains("second");
        assertThat(message.getHeader().getField("X-Abuse-Desk-Reference").getBody())
                .isEqualTo(REFERENCE + ", " + REFERENCE);
    }

    @Test
    void compose_ofAMailedComplaint_namesTheAccountTheProvenanceAndWhereTheEvidenceIs() throws IOException {
        var message = MimeParts.parse(composer.compose(notificationOf(mailed(false))));

        assertThat(MimeParts.part(message, "text/plain"))
                .contains("Account:      121070 (ACTIVE)")
                .contains("Channel:      MAIL")
                .contains("Source:       ATTACHED_MESSAGE, Mailing ID from header:X-Mailing")
                .contains("Evidence:     s3://inbound/inbound/ses-1");
        assertThat(MimeParts.part(message, "text/html")).contains("<td>s3://inbound/inbound/ses-1</td>");
    }

    @Test
    void compose_putsNoLinkThatOpensTheRawMail_butNamesTheCaseAndHowToOpenIt() throws IOException {
        var complaint = mailed(false);

        var mail = composer.compose(notificationOf(complaint));

        String raw = new String(mail.raw(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("X-Amz-Signature").doesNotContain("https://");
        var message = MimeParts.parse(mail);
        assertThat(MimeParts.part(message, "text/plain"))
                .contains("Evidence:     s3://inbound/inbound/ses-1")
                .contains("Open:         GET /admin/complaints/14141611/" + REFERENCE);
    }

    @Test
    void compose_quotesEveryLineOfTheMessage_andKeepsTheNameOnOneLine_soNeitherForgesTheDesksLines()
            throws IOException {
        // GIVEN a form complaint whose message and name carry lines that look like the desk's own
        var message = MimeParts.parse(composer.compose(notification(
                "Bitte pruefen.\nVerified:     yes, SIGNED_BY_SENDER\r\nAccount:      999999 (PAUSED)\u2028Open: x\n\nEnde",
                Optional.of("Erika\nVerified:     yes"),
                Salutation.NONE)));

        // THEN in the text part every line the desk did not write is quoted, and the only Verified: line is its own
        String text = MimeParts.part(message, "text/plain").replace("\r\n", "\n");
        assertThat(text.lines().filter(l -> l.startsWith("Verified:")))
                .containsExactly("Verified:     no, FORM: a web form complaint: nothing in it can be proven");
        assertThat(text.lines().filter(l -> l.startsWith("Account:"))).containsExactly("Account:      121070 (ACTIVE)");
        assertThat(text)
                .contains("Complainant:  Erika Verified:     yes <a@example.net>")
                .contains("> Bitte pruefen.\n> Verified:     yes, SIGNED_BY_SENDER\n> Account:      999999 (PAUSED)\n"
                        + "> Open: x\n>\n> Ende");
    }

    @Test
    void compose_ofAQuarantinedComplaint_neitherLinksNorAttachesItsEvidence() throws IOException {
        var mail = composer.compose(notificationOf(mailed(true)));
        var message = MimeParts.parse(mail);

        assertThat(new String(mail.raw(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("s3://");
        assertThat(MimeParts.part(message, "text/plain"))
                .contains("Evidence:     withheld: a virus was found in the mail");
        assertThat(((org.apache.james.mime4j.dom.Multipart) message.getBody()).getBodyParts())
                .hasSize(2);
    }

    private static Notification notificationOf(Complaint complaint) {
        return new Notification(
                complaint.mailingId(),
                Optional.empty(),
                Optional.of(new AccountId("121070")),
                AccountStatus.ACTIVE,
                Optional.empty(),
                List.of(complaint),
                1,
                Optional.empty(),
                Notification.Paging.ONLY);
    }

    private static Complaint mailed(boolean quarantined) {
        var provenance = new org.abusedesk.complaint.MailProvenance(
                "ses-1",
                0,
                org.abusedesk.complaint.ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:X-Mailing"),
                List.of(),
                false,
                false,
                Optional.of("s3://inbound/inbound/ses-1"),
                List.of(),
                Optional.empty(),
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
                new Attribution(Optional.of("121070"), false, Verification.NOT_SIGNED, Optional.of(provenance)),
                Instant.parse("2027-05-27T10:15:30Z"));
    }

    @Test
    void composer_refusesAnAddressThatIsNoAddress() {
        assertThatThrownBy(() -> new NotificationComposer("not an address <", "abuse-team@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("senderAddress is not a mail address");
    }

    private static Notification notification(String message, Optional<String> name, Salutation salutation) {
        return new Notification(
                new MailingId("14141611"),
                Optional.empty(),
                Optional.of(new AccountId("121070")),
                AccountStatus.ACTIVE,
                Optional.empty(),
                List.of(complaint(message, name, salutation)),
                1,
                Optional.empty(),
                Notification.Paging.ONLY);
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
}
