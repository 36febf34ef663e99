package org.abusedesk.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks' symmetric signature: HMAC-SHA256 of {@code {id}.{timestamp}.{body}} under each secret's bytes,
 * sent as {@code v1,<base64>} entries of the {@code webhook-signature} header. It signs with every secret it has and
 * verifies with any of them, so that during a rotation the old and the new secret are valid at once.
 */
public final class WebhookSignature {

    /** How far a timestamp may be from now, either way, as the specification's reference libraries allow. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /**
     * The longest signature header looked at: room for a dozen entries of every known version. A longer one is
     * refused before it is split, so that a header of thousands of entries costs nothing.
     */
    static final int MAX_SIGNATURE_HEADER = 1024;

    /** The longest ID looked at; the specification's are some 30 characters. */
    static final int MAX_ID = 256;

    /** Unix seconds fit 19 digits, and until the year 2286 only 10. */
    private static final int MAX_TIMESTAMP_DIGITS = 19;

    private static final String HMAC = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final int MAC_BYTES = 32;

    /** What a verification found. */
    public enum Verdict {
        /** One of the {@code v1} signatures is one of the secrets'. */
        VALID,
        /** A header is missing, too long or not as the specification writes it, or none holds a {@code v1} entry. */
        MALFORMED,
        /** The timestamp is further from now than the tolerance, in the past or in the future: maybe a replay. */
        OUTSIDE_TOLERANCE,
        /** The headers are well formed, but no {@code v1} signature is any secret's. */
        MISMATCH
    }

    private final List<WebhookSecret> secrets;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * Signs with every secret and verifies with any, accepting timestamps at most {@code tolerance} from the clock's
     * now.
     */
    public WebhookSignature(List<WebhookSecret> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook signature needs at least one secret");
        }
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance must not be negative");
        }
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** With the {@linkplain #DEFAULT_TOLERANCE default tolerance} and the system's clock. */
    public static WebhookSignature of(WebhookSecret... secrets) {
        return new WebhookSignature(List.of(secrets), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * The headers of a message of this ID, signed at this time (in whole seconds), with this body.
     *
     * @throws IllegalArgumentException when the ID is blank, longer than {@value #MAX_ID} characters, or holds what a
     *     header cannot
     */
    public WebhookHeaders sign(String id, Instant at, byte[] body) {
        if (!wellFormedId(id)) {
            throw new IllegalArgumentException(
                    "a webhook ID is 1 to " + MAX_ID + " printable ASCII characters without spaces");
        }
        Objects.requireNonNull(body, "body == null");
        String timestamp = Long.toString(at.getEpochSecond());
        var entries = new ArrayList<String>(secrets.size());
        for (var secret : secrets) {
            entries.add(VERSION + "," + Base64.getEncoder().encodeToString(mac(secret, id, timestamp, body)));
        }
        return new WebhookHeaders(id, timestamp, String.join(" ", entries));
    }

    /**
     * Whether the headers are a valid signature of the body: a timestamp within the tolerance of now, and a
     * {@code v1} entry that is one secret's signature, compared in constant time. Entries of other versions (such
     * as {@code v1a}, the asymmetric one) are skipped.
     */
    public Verdict verify(WebhookHeaders headers, byte[] body) {
        Objects.requireNonNull(body, "body == null");
        String id = headers.id();
        String timestamp = headers.timestamp();
        String signature = headers.signature();
        // The gates on length come before any parsing: what is longer than a sender writes is refused unread.
        if (!wellFormedId(id)
                || timestamp == null
                || timestamp.isEmpty()
                || timestamp.length() > MAX_TIMESTAMP_DIGITS
                || signature == null
                || signature.length() > MAX_SIGNATURE_HEADER) {
            return Verdict.MALFORMED;
        }
        for (int i = 0; i < timestamp.length(); i++) {
            if (timestamp.charAt(i) < '0' || timestamp.charAt(i) > '9') {
                return Verdict.MALFORMED;
            }
        }
        long seconds = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > tolerance.toSeconds()) {
            return Verdict.OUTSIDE_TOLERANCE;
        }
        var given = signatures(signature);
        if (given == null || given.isEmpty()) {
            return Verdict.MALFORMED;
        }
        boolean valid = false;
        for (var secret : secrets) {
            byte[] expected = mac(secret, id, timestamp, body);
            for (byte[] candidate : given) {
                // No early exit: every entry is compared with every secret, whichever matches.
                valid |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return valid ? Verdict.VALID : Verdict.MISMATCH;
    }

    /**
     * The header's {@code v1} signatures, decoded; null when an entry is not {@code version,value}. A {@code v1}
     * entry whose value is not the base64 of 32 bytes cannot match and is left out, as are other versions'.
     */
    private static List<byte[]> signatures(String header) {
        var signatures = new ArrayList<byte[]>();
        for (String entry : header.strip().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma <= 0 || comma == entry.length() - 1) {
                return null;
            }
            if (!entry.startsWith(VERSION + ",")) {
                continue;
            }
            try {
                byte[] decoded = Base64.getDecoder().decode(entry.substring(comma + 1));
                if (decoded.length == MAC_BYTES) {
                    signatures.add(decoded);
                }
            } catch (IllegalArgumentException e) {
                // Not base64: no signature of a secret's.
            }
        }
        return signatures;
    }

    private static boolean wellFormedId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static byte[] mac(WebhookSecret secret, String id, String timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.key(), HMAC));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[" + secrets.size() + " secrets, tolerance " + tolerance + "]";
    }
}
