package org.abusedesk.thread;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.intake.IntakeSecret;

/**
 * The Reply-To of a notice: the abuse address with a label, {@code abuse+r-<entry><signature>@example.com}, whose
 * entry is the notice's ULID and whose signature is an HMAC of it. SES's receipt rule for {@code abuse@example.com}
 * takes in every labelled form of the address, so no rule of its own is needed.
 *
 * <p>The label is lower case, Crockford base32 throughout, as mail systems may change the case of a local part. A
 * label is valid for as long as its case is kept: the time in the ULID plus the retention.
 */
public final class ReplyAddress {

    static final String USE = "reply-token";
    static final String PREFIX = "r-";
    private static final int ULID_CHARS = 26;
    private static final int MAC_BYTES = 10;
    private static final int MAC_CHARS = 16;
    private static final int LABEL_CHARS = PREFIX.length() + ULID_CHARS + MAC_CHARS;
    private static final int MAX_LOCAL_PART = 64;
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

    private final String local;
    private final String domain;
    private final IntakeSecret secret;
    private final Duration validity;

    /**
     * @param abuseAddress the address the notices' replies go to, e.g. {@code abuse@example.com}
     * @param validity how long a label stays valid: the retention of its case
     * @throws IllegalArgumentException when the address leaves no room for a label in its local part
     */
    public ReplyAddress(String abuseAddress, IntakeSecret secret, Duration validity) {
        Objects.requireNonNull(abuseAddress, "abuseAddress == null");
        int at = abuseAddress.lastIndexOf('@');
        if (at < 1 || at == abuseAddress.length() - 1 || abuseAddress.indexOf('+') >= 0) {
            throw new IllegalArgumentException("the reply address must be local@domain without a label");
        }
        this.local = abuseAddress.substring(0, at).toLowerCase(Locale.ROOT);
        this.domain = abuseAddress.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.length() + 1 + LABEL_CHARS > MAX_LOCAL_PART) {
            throw new IllegalArgumentException("the reply address's local part leaves no room for a " + LABEL_CHARS
                    + "-character label (at most " + (MAX_LOCAL_PART - 1 - LABEL_CHARS) + " characters)");
        }
        this.secret = Objects.requireNonNull(secret, "secret == null");
        this.validity = Objects.requireNonNull(validity, "validity == null");
    }

    /** The address a reply to this entry is sent to. */
    public String of(String entryId) {
        var ulid = Ulid.from(entryId);
        String id = ulid.toLowerCase();
        return local + "+" + PREFIX + id + base32(secret.shortMac(USE, id, MAC_BYTES)) + "@" + domain;
    }

    /**
     * The entry a recipient address answers, when it is one of ours, its signature verifies and it has not expired.
     * Anything else, a forged, altered or expired label included, is no reply: empty.
     */
    public Optional<String> entryOf(String recipient, Instant now) {
        Objects.requireNonNull(recipient, "recipient == null");
        String address = recipient.strip().toLowerCase(Locale.ROOT);
        // Length gate first: the shape below is fixed, so nothing longer can be one.
        if (address.length() != local.length() + 1 + LABEL_CHARS + 1 + domain.length()) {
            return Optional.empty();
        }
        String expectedStart = local + "+" + PREFIX;
        if (!address.startsWith(expectedStart) || !address.endsWith("@" + domain)) {
            return Optional.empty();
        }
        String label = address.substring(expectedStart.length(), address.length() - domain.length() - 1);
        String id = label.substring(0, ULID_CHARS);
        var mac = decode(label.substring(ULID_CHARS));
        if (mac.isEmpty() || !Ulid.isValid(id)) {
            return Optional.empty();
        }
        var made = Ulid.from(id).getInstant();
        if (!now.isBefore(made.plus(validity)) || made.isAfter(now.plus(Duration.ofMinutes(5)))) {
            return Optional.empty();
        }
        if (!secret.verifyShort(USE, id, mac.get(), now, validity)) {
            return Optional.empty();
        }
        return Optional.of(Ulid.from(id).toString());
    }

    static String base32(byte[] bytes) {
        var out = new StringBuilder(MAC_CHARS);
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(CROCKFORD.charAt((int) (buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }

    private static Optional<byte[]> decode(String text) {
        if (text.length() != MAC_CHARS) {
            return Optional.empty();
        }
        var bytes = new byte[MAC_BYTES];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = CROCKFORD.indexOf(text.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return Optional.of(bytes);
    }

    @Override
    public String toString() {
        return "ReplyAddress[" + local + "@" + domain + "]";
    }
}
