package org.abusedesk.inbound;

import java.util.List;
import java.util.Objects;

/** An inbound mail read completely: the parse, and each reported message resolved and checked. */
public record MailReading(ParsedMail mail, List<ReadReport> reports) {

    public MailReading {
        Objects.requireNonNull(mail, "mail == null");
        reports = List.copyOf(reports);
    }
}
