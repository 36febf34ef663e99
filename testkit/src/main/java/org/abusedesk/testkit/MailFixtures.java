package org.abusedesk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The complaint mail of the tests, the benchmarks and the load run: a complainant forwarding the reported mail to
 * the abuse desk as an attachment, with a note of their own. Built to order; CRLF line ends, as SMTP carries it.
 */
public final class MailFixtures {

    /** The complainant of every fixture, unless a test names another. */
    public static final String COMPLAINANT = "erika.muster@example.net";

    private MailFixtures() {}

    /** Erika Muster forwarding our newsletter of Mailing ID 14141611 of account 121070, as {@code Angebote.eml}. */
    public static ForwardedComplaint forwardedComplaint() {
        return forwardedNewsletter(COMPLAINANT, "14141611", "121070");
    }

    /** The complainant forwarding the newsletter they got of the mailing of the account, as {@code Angebote.eml}. */
    public static ForwardedComplaint forwardedNewsletter(String complainant, String mailingId, String accountId) {
        return new ForwardedComplaint("Erika Muster", complainant, "Spam", "Ich habe das nie bestellt.", List.of(), "")
                .reporting(newsletter(complainant, mailingId, accountId), "Angebote.eml");
    }

    /** A newsletter of the mailing of the account as the recipient got it, its transport headers naming both. */
    public static String newsletter(String recipient, String mailingId, String accountId) {
        return String.join(
                "\r\n",
                "From: Newsletter <news@shop.example.org>",
                "To: " + recipient,
                "Subject: Angebote",
                "X-Mailing: " + mailingId,
                "X-Client: " + accountId,
                "Content-Type: text/plain",
                "",
                "Jetzt kaufen!");
    }

    /**
     * One complaint mail: from the complainant to abuse@example.com, a text part with their note, then the
     * attachment with its part headers.
     */
    public record ForwardedComplaint(
            String name,
            String complainant,
            String subject,
            String note,
            List<String> attachmentHeaders,
            String attachment) {

        public ForwardedComplaint {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(complainant, "complainant == null");
            Objects.requireNonNull(subject, "subject == null");
            Objects.requireNonNull(note, "note == null");
            attachmentHeaders = List.copyOf(attachmentHeaders);
            Objects.requireNonNull(attachment, "attachment == null");
        }

        /** The same mail from another complainant of that name. */
        public ForwardedComplaint from(String otherName, String address) {
            return new ForwardedComplaint(otherName, address, subject, note, attachmentHeaders, attachment);
        }

        /** The same mail under another subject. */
        public ForwardedComplaint titled(String otherSubject) {
            return new ForwardedComplaint(name, complainant, otherSubject, note, attachmentHeaders, attachment);
        }

        /** The same mail with another note of the complainant's. */
        public ForwardedComplaint saying(String text) {
            return new ForwardedComplaint(name, complainant, subject, text, attachmentHeaders, attachment);
        }

        /** Forwarding this mail as a {@code message/rfc822} part with no file name. */
        public ForwardedComplaint reporting(String mail) {
            return new ForwardedComplaint(
                    name, complainant, subject, note, List.of("Content-Type: message/rfc822"), mail);
        }

        /** Forwarding this mail as a {@code message/rfc822} attachment of the file name. */
        public ForwardedComplaint reporting(String mail, String fileName) {
            return new ForwardedComplaint(
                    name,
                    complainant,
                    subject,
                    note,
                    List.of(
                            "Content-Type: message/rfc822",
                            "Content-Disposition: attachment; filename=\"" + fileName + "\""),
                    mail);
        }

        /** Forwarding an Outlook .msg file as Outlook attaches one, as {@code spam.msg}. */
        public ForwardedComplaint attachingOutlookMessage(byte[] msg) {
            return new ForwardedComplaint(
                    name,
                    complainant,
                    subject,
                    note,
                    List.of(
                            "Content-Type: application/vnd.ms-outlook; name=\"spam.msg\"",
                            "Content-Disposition: attachment; filename=\"spam.msg\"",
                            "Content-Transfer-Encoding: base64"),
                    Base64.getMimeEncoder().encodeToString(msg));
        }

        /** The mail as SMTP carries it. */
        public String text() {
            var lines = new ArrayList<String>(List.of(
                    "From: " + name + " <" + complainant + ">",
                    "To: abuse@example.com",
                    "Subject: " + subject,
                    "MIME-Version: 1.0",
                    "Content-Type: multipart/mixed; boundary=\"b\"",
                    "",
                    "--b",
                    "Content-Type: text/plain; charset=utf-8",
                    "",
                    note,
                    "--b"));
            lines.addAll(attachmentHeaders);
            lines.addAll(List.of("", attachment, "--b--", ""));
            return String.join("\r\n", lines);
        }

        public byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }
    }
}
