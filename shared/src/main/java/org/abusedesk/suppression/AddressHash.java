package org.abusedesk.suppression;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The SHA-256 of a normalised e-mail address, so that a complainant can be suppressed without keeping the address.
 *
 * <p>Normalised as the sending platform can repeat it to match its own lists: trimmed, the domain converted to
 * ASCII (IDNA) and everything lower-cased, then hashed as UTF-8 and written as 64 lower-case hex digits.
 */
public record AddressHash(String value) {

    public AddressHash {
        Objects.requireNonNull(value, "addressHash == null");
        if (!isDigest(value)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + value);
        }
    }

    /** 64 lower-case hex digits; checked by hand, as each processed complaint makes one. */
    private static boolean isDigest(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public static AddressHash of(String address) {
        return new AddressHash(HexFormat.of().formatHex(sha256(normalise(address))));
    }

    static String normalise(String address) {
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        String domain = IDN.toASCII(trimmed.substring(at + 1), IDN.ALLOW_UNASSIGNED);
        return (trimmed.substring(0, at) + "@" + domain).toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
