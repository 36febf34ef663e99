package org.abusedesk.inbound;

import java.util.List;
import java.util.Objects;
import org.abusedesk.complaint.Classification;

/**
 * An inbound mail read completely: the parse, each reported message resolved and checked, and what the mail is once
 * its Mailing IDs are known (a parse's complaint with nothing tying it to a mailing is an enquiry).
 */
public record MailReading(ParsedMail mail, List<ReadReport> reports, Classification classification) {

    public MailReading {
        Objects.requireNonNull(mail, "mail == null");
        reports = List.copyOf(reports);
        Objects.requireNonNull(classification, "classification == null");
    }
}
