package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ReportFormat;
import org.junit.jupiter.api.Test;

/**
 * Mails that reach the abuse address but are not complaints about a mailing, or carry one complaint in many
 * wrappers: each must be told for what it is, so that only complaints are counted and acknowledged.
 */
class ClassificationCatalogueTest {

    private static final String ORIGINAL = Fixtures.NEWSLETTER;

    private final MailReader reader = new MailReader(
            InboundLimits.DEFAULT,
            ResolutionProfile.DEFAULT,
            new DkimVerifier(Set.of("example.com"), (selector, domain, deadline) -> java.util.List.of()));

    @Test
    void forwardOfAForwardOfAForward_givesOneComplaint_forTheInnermostMessage() {
        // GIVEN the original, forwarded as attachment three times over, each wrapper with a line of its own
        String once = forward("max@example.org", "Fwd: Grosse Rabatte", "Schau mal.", ORIGINAL);
        String twice = forward("eva@example.org", "Fwd: Fwd: Grosse Rabatte", "Kennst du das?", once);
        byte[] thrice = forward("erika.muster@example.net", "Fwd: Fwd: Fwd: Grosse Rabatte", "Spam!", twice)
                .getBytes(StandardCharsets.UTF_8);

        // WHEN it is read
        var reading = reader.read(thrice);

        // THEN it is one complaint, about the innermost message and its Mailing ID
        assertThat(reading.classification()).isEqualTo(Classification.COMPLAINT);
        assertThat(reading.reports()).singleElement().satisfies(report -> {
            assertThat(report.resolution().mailingId()).contains("14141611");
            assertThat(report.format()).isEqualTo(ReportFormat.ATTACHED_MESSAGE);
            assertThat(report.message().headers().first("Subject")).contains("Grosse Rabatte nur heute");
        });
    }

    @Test
    void forwardOfAForwardOfAForward_asEmlFiles_givesOneComplaint_forTheInnermostMessage() {
        String once = forwardAsFile("max@example.org", "Fwd: Grosse Rabatte", "Schau mal.", ORIGINAL);
        String twice = forwardAsFile("eva@example.org", "Fwd: Fwd: Grosse Rabatte", "Kennst du das?", once);
        byte[] thrice = forwardAsFile("erika.muster@example.net", "Fwd: Fwd: Fwd: Grosse Rabatte", "Spam!", twice)
                .getBytes(StandardCharsets.UTF_8);

        var reading = reader.read(thrice);

        assertThat(reading.classification()).isEqualTo(Classification.COMPLAINT);
        assertThat(reading.reports())
                .singleElement()
                .satisfies(report -> assertThat(report.resolution().mailingId()).contains("14141611"));
    }

    @Test
    void dmarcAggregateReport_asZip_hasItsOwnClass_andNoReportedMessage() throws Exception {
        var reading =
                reader.read(aggregate("application/zip", "google.com!example.com!1764547200!1764633599.zip", zip()));

        assertThat(reading.classification()).isEqualTo(Classification.DMARC_AGGREGATE);
    }

    @Test
    void dmarcAggregateReport_asGzip_hasItsOwnClass() throws Exception {
        var reading = reader.read(
                aggregate("application/gzip", "outlook.com!example.com!1764547200!1764633599.xml.gz", gzip()));

        assertThat(reading.classification()).isEqualTo(Classification.DMARC_AGGREGATE);
    }

    @Test
    void subjectAlone_withoutAReportAttached_isNoAggregateReport() {
        var mail = lines(
                        "From: Erika Muster <erika.muster@example.net>",
                        "To: abuse@example.com",
                        "Subject: Report Domain: example.com Submitter: me",
                        "",
                        "Spam von https://mail.example.com/c/14141611/x",
                        "")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(mail).classification()).isEqualTo(Classification.COMPLAINT);
    }

    @Test
    void question_withNoReportedMessage_noMailingIdAndNoLinkToUs_isAnEnquiry() {
        var mail = lines(
                        "From: Erika Muster <erika.muster@example.net>",
                        "To: support@example.com",
                        "Subject: Frage zu meiner Rechnung",
                        "",
                        "Guten Tag, wie kann ich meine Rechnung als PDF bekommen? https://www.shop.example/konto",
                        "")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(mail).classification()).isEqualTo(Classification.ENQUIRY);
    }

    @Test
    void textComplaint_withALinkToOurSendingDomain_staysAComplaint() {
        var mail = lines(
                        "From: Erika Muster <erika.muster@example.net>",
                        "To: abuse@example.com",
                        "Subject: Spam",
                        "",
                        "Ich bekomme das hier dauernd: https://click.mail.example.com/u/abc",
                        "")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(mail).classification()).isEqualTo(Classification.COMPLAINT);
    }

    @Test
    void textComplaint_namingAMailingId_staysAComplaint() {
        var mail = lines(
                        "From: Erika Muster <erika.muster@example.net>",
                        "To: abuse@example.com",
                        "Subject: Spam, Mailing-ID 14141611",
                        "",
                        "Bitte abstellen.",
                        "")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(mail).classification()).isEqualTo(Classification.COMPLAINT);
    }

    private static String forward(String from, String subject, String text, String inner) {
        return lines(
                "From: " + from,
                "To: abuse@example.com",
                "Subject: " + subject,
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"" + from.hashCode() + "\"",
                "",
                "--" + from.hashCode(),
                "Content-Type: text/plain; charset=utf-8",
                "",
                text,
                "--" + from.hashCode(),
                "Content-Type: message/rfc822",
                "",
                inner,
                "--" + from.hashCode() + "--",
                "");
    }

    private static String forwardAsFile(String from, String subject, String text, String inner) {
        String boundary = "e" + Integer.toHexString(from.hashCode());
        return lines(
                "From: " + from,
                "To: abuse@example.com",
                "Subject: " + subject,
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"",
                "",
                "--" + boundary,
                "Content-Type: multipart/alternative; boundary=\"alt" + boundary + "\"",
                "",
                "--alt" + boundary,
                "Content-Type: text/plain; charset=utf-8",
                "",
                text,
                "--alt" + boundary,
                "Content-Type: text/html; charset=utf-8",
                "",
                "<p>" + text + "</p>",
                "--alt" + boundary + "--",
                "--" + boundary,
                "Content-Type: application/octet-stream; name=\"forwarded.eml\"",
                "Content-Disposition: attachment; filename=\"forwarded.eml\"",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8)),
                "--" + boundary + "--",
                "");
    }

    private static byte[] aggregate(String type, String name, byte[] content) {
        return lines(
                        "From: noreply-dmarc-support@google.com",
                        "To: abuse@example.com",
                        "Subject: Report domain: example.com Submitter: google.com Report-ID: 1234567890",
                        "MIME-Version: 1.0",
                        "Content-Type: multipart/mixed; boundary=a",
                        "",
                        "--a",
                        "Content-Type: text/plain",
                        "",
                        "",
                        "--a",
                        "Content-Type: " + type + "; name=\"" + name + "\"",
                        "Content-Disposition: attachment; filename=\"" + name + "\"",
                        "Content-Transfer-Encoding: base64",
                        "",
                        Base64.getMimeEncoder().encodeToString(content),
                        "--a--",
                        "")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final String FEEDBACK = "<?xml version=\"1.0\"?><feedback><report_metadata><org_name>google.com"
            + "</org_name></report_metadata><policy_published><domain>example.com</domain></policy_published>"
            + "</feedback>";

    private static byte[] zip() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("google.com!example.com!1764547200!1764633599.xml"));
            zip.write(FEEDBACK.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] gzip() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(FEEDBACK.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String lines(String... lines) {
        return String.join("\r\n", lines);
    }
}
