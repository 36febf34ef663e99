package org.abusedesk.webhooks;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A Standard Webhooks signing secret: random bytes, written {@code whsec_} and their base64. Its bytes are never
 * printed: {@link #toString} redacts them, and only {@link #written} gives them away, for the receiver's configuration.
 */
public record WebhookSecret(byte[] key) {

    /** How a secret is written, so that it is known for one wherever it is pasted. */
    public static final String PREFIX = "whsec_";

    /** The specification's least: 192 bits. */
    public static final int MIN_BYTES = 24;

    /** The specification's most: 512 bits. */
    public static final int MAX_BYTES = 64;

    /** What {@link #generate} gives: 256 bits, as many as the HMAC-SHA256 it keys. */
    static final int GENERATED_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The secret of these bytes, copied.
     *
     * @throws IllegalArgumentException unless there are {@value #MIN_BYTES} to {@value #MAX_BYTES} of them
     */
    public WebhookSecret {
        Objects.requireNonNull(key, "key == null");
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "a webhook secret has " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length);
        }
        key = key.clone();
    }

    /**
     * The secret written {@code whsec_} and base64, with the line end an editor adds.
     *
     * @throws IllegalArgumentException naming what is wrong with it, never showing any of it
     */
    public static WebhookSecret parse(String written) {
        Objects.requireNonNull(written, "written == null");
        String text = written.strip();
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException(
                    "a webhook secret is written " + PREFIX + " and the base64 of its bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // The decoder's message names the offending character, which is key material: it is not passed on.
            throw new IllegalArgumentException("a webhook secret after " + PREFIX + " is no base64");
        }
        return new WebhookSecret(key);
    }

    /** A new secret of {@value #GENERATED_BYTES} random bytes. */
    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** Its bytes, copied. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /** How it is written: {@code whsec_} and its base64. */
    public String written() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
