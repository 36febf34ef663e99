package org.abusedesk.outgoing;

import java.util.List;
import java.util.Objects;

/** A composed mail, ready to hand to SES: envelope sender and recipients, and the raw RFC 5322 message. */
public record OutgoingMail(String from, List<String> to, byte[] raw) {

    public OutgoingMail {
        Objects.requireNonNull(from, "from == null");
        to = List.copyOf(to);
        Objects.requireNonNull(raw, "raw == null");
    }
}
