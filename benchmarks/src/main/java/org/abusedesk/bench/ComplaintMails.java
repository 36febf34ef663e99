package org.abusedesk.bench;

/** The complaint mail the cold-start and load runs send: a reported newsletter forwarded as an attachment. */
public final class ComplaintMails {

    private ComplaintMails() {}

    /** From the complainant, about the mailing of the account; CRLF line ends, as SMTP carries it. */
    public static String forwarded(String complainant, String mailingId, String accountId) {
        return String.join(
                "\r\n",
                "From: Erika Muster <" + complainant + ">",
                "To: abuse@example.com",
                "Subject: Spam",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Ich habe das nie bestellt.",
                "--b",
                "Content-Type: message/rfc822",
                "Content-Disposition: attachment; filename=\"Angebote.eml\"",
                "",
                "From: Newsletter <news@shop.example.org>",
                "To: " + complainant,
                "Subject: Angebote",
                "X-Mailing: " + mailingId,
                "X-Client: " + accountId,
                "Content-Type: text/plain",
                "",
                "Jetzt kaufen!",
                "--b--",
                "");
    }
}
