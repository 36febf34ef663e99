package org.abusedesk.outgoing;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** An e-mail address as it goes to SES: an internationalised domain punycoded, the local part as it is. */
public final class SendingAddress {

    private SendingAddress() {}

    /**
     * The address with its domain in ASCII ({@code user@bücher.de} → {@code user@xn--bcher-kva.de}); empty when it
     * cannot be sent to: no domain, a domain IDNA refuses, or a local part outside ASCII (SES has no SMTPUTF8).
     */
    public static Optional<String> of(String address) {
        Objects.requireNonNull(address, "address == null");
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        String localPart = address.substring(0, at);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(localPart)) {
            return Optional.empty();
        }
        try {
            return Optional.of(localPart + "@" + IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
