package org.abusedesk.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.Test;

class AcknowledgementComposerTest {

    private static final String REFERENCE = "01KAYZ7W3J5D6Q0ZV8G5N4M2XQ";

    private final AcknowledgementComposer composer = new AcknowledgementComposer("abuse-desk@example.com");

    @Test
    void compose_inGerman_givesTheReferenceAndMarksItselfAnAutomaticReply() throws IOException {
        var mail = composer.compose(complaint("erika@example.net", Optional.of("Erika Muster"), Language.DE));

        var message = MimeParts.parse(mail.raw());
        assertThat(mail.to()).containsExactly("erika@example.net");
        assertThat(message.getSubject()).isEqualTo("Ihre Beschwerde ist eingegangen (Vorgang " + REFERENCE + ")");
        assertThat(message.getHeader().getField("Auto-Submitted").getBody()).isEqualTo("auto-replied");
        assertThat(MimeParts.part(message, "text/plain"))
                .startsWith("Guten Tag,")
                .contains("Ihre Vorgangsnummer: " + REFERENCE)
                .contains("Mailing 14141611");
    }

    @Test
    void compose_inEnglish_isEnglish() throws IOException {
        var message = MimeParts.parse(composer.compose(complaint("a@example.net", Optional.empty(), Language.EN))
                .raw());

        assertThat(message.getSubject()).isEqualTo("We have received your complaint (case " + REFERENCE + ")");
        assertThat(MimeParts.part(message, "text/plain"))
                .startsWith("Hello,")
                .contains("Your case reference: " + REFERENCE);
        assertThat(MimeParts.part(message, "text/html")).contains("<html lang=\"en\">");
    }

    @Test
    void compose_toAnInternationalisedDomain_sendsToItsAsciiForm() {
        var mail = composer.compose(complaint("user@bücher.de", Optional.empty(), Language.DE));

        assertThat(mail.to()).containsExactly("user@xn--bcher-kva.de");
    }

    @Test
    void compose_echoesNoTextTheSenderChose_notTheName_norTheReason() throws IOException {
        // GIVEN a form complaint whose name and reason are a lure
        String lure = "Gewinn abholen: http://evil.example/win";
        var complaint = new Complaint(
                ComplaintKey.of("14141611", REFERENCE),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.COUNTED,
                Instant.parse("2026-11-28T10:15:30Z"),
                new Complainant("a@example.net", Optional.of(lure), Salutation.HERR, Language.DE),
                lure + "\r\nBcc: x@example.org",
                Attribution.NONE,
                Instant.parse("2027-05-27T10:15:30Z"));

        for (var language : Language.values()) {
            var localised = new Complaint(
                    complaint.key(),
                    complaint.channel(),
                    complaint.classification(),
                    complaint.state(),
                    complaint.receivedAt(),
                    new Complainant("a@example.net", Optional.of(lure), Salutation.HERR, language),
                    complaint.message(),
                    complaint.attribution(),
                    complaint.expiresAt());

            // WHEN its acknowledgement is composed
            byte[] raw = composer.compose(localised).raw();
            var message = MimeParts.parse(raw);

            // THEN neither part nor any header carries it, only the desk's reference and the Mailing ID
            String whole = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(whole).doesNotContain("evil.example", "Gewinn", "abholen");
            assertThat(MimeParts.part(message, "text/plain"))
                    .doesNotContain("evil.example", "Gewinn")
                    .contains(REFERENCE, "14141611");
            assertThat(MimeParts.part(message, "text/html")).doesNotContain("evil.example", "Gewinn");
            assertThat(message.getHeader().getFields())
                    .allSatisfy(f -> assertThat(f.getBody()).doesNotContain("evil.example", "Gewinn"));
            assertThat(message.getHeader().getFields("Bcc")).isEmpty();
        }
    }

    private static Complaint complaint(String email, Optional<String> name, Language language) {
        return new Complaint(
                ComplaintKey.of("14141611", REFERENCE),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.COUNTED,
                Instant.parse("2026-11-28T10:15:30Z"),
                new Complainant(email, name, Salutation.NONE, language),
                "spam",
                Attribution.NONE,
                Instant.parse("2027-05-27T10:15:30Z"));
    }
}
