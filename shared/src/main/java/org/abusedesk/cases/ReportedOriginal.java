package org.abusedesk.cases;

import java.util.Objects;
import java.util.Optional;
import org.abusedesk.inbound.MailHeaders;
import org.abusedesk.inbound.ReportedMessage;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * The message a mailed complaint reported, read again from the stored raw mail, and the header fields that tell
 * most about it: its own, else those pasted into the complaint, else the block a mail client wrote above an inline
 * forward.
 */
record ReportedOriginal(ReportedMessage message, HeaderOrigin origin, MailHeaders headers) {

    /** Where the header fields of a reported message were found. */
    enum HeaderOrigin {
        /** The reported message's own header, as attached or reported. */
        MESSAGE,
        /** Header lines the complainant pasted into the text. */
        PASTED,
        /** The short block (From, Date, Subject ...) a mail client writes above an inline forward. */
        FORWARD_BLOCK,
        NONE
    }

    ReportedOriginal {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(origin, "origin == null");
        Objects.requireNonNull(headers, "headers == null");
    }

    static ReportedOriginal of(ReportedMessage message) {
        if (!message.headers().isEmpty()) {
            return new ReportedOriginal(message, HeaderOrigin.MESSAGE, message.headers());
        }
        if (!message.pastedHeaders().isEmpty()) {
            return new ReportedOriginal(message, HeaderOrigin.PASTED, message.pastedHeaders());
        }
        if (!message.forwardedHeaders().isEmpty()) {
            return new ReportedOriginal(message, HeaderOrigin.FORWARD_BLOCK, message.forwardedHeaders());
        }
        return new ReportedOriginal(message, HeaderOrigin.NONE, MailHeaders.NONE);
    }

    /** The envelope sender ({@code Return-Path}), else the {@code From} address. */
    Optional<String> senderAddress() {
        return address("Return-Path").or(() -> address("From"));
    }

    private static boolean isAddress(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 && at < address.length() - 1;
    }

    private Optional<String> address(String field) {
        return headers.decoded(field).flatMap(value -> {
            try {
                var list = LenientAddressParser.DEFAULT.parseAddressList(value).flatten();
                return list.isEmpty()
                        ? Optional.empty()
                        : Optional.ofNullable(list.get(0).getAddress()).filter(ReportedOriginal::isAddress);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
