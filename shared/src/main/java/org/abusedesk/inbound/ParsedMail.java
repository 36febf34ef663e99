package org.abusedesk.inbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Language;

/**
 * An inbound mail as the parse understood it: what it is, who sent it, what they typed, and the reported messages
 * it carries (at least one: a mail without any is its own evidence).
 *
 * @param subject the mail's subject, RFC 2047 words decoded
 * @param typed what the complainant wrote: the body above any forward, attachments aside
 * @param truncated a limit was reached; what was found before it is all here
 */
public record ParsedMail(
        Classification classification,
        MailHeaders headers,
        Optional<String> senderAddress,
        Optional<String> senderName,
        String subject,
        String typed,
        Language language,
        List<ReportedMessage> reports,
        boolean truncated) {

    public ParsedMail {
        Objects.requireNonNull(classification, "classification == null");
        Objects.requireNonNull(headers, "headers == null");
        Objects.requireNonNull(senderAddress, "senderAddress == null");
        Objects.requireNonNull(senderName, "senderName == null");
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(typed, "typed == null");
        Objects.requireNonNull(language, "language == null");
        reports = List.copyOf(reports);
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("reports is empty");
        }
    }

    @Override
    public String toString() {
        return "ParsedMail[" + classification + ", reports=" + reports.size() + ", truncated=" + truncated + "]";
    }
}
