package org.abusedesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The intake's secret: the key of its form tokens, confirmation links and source-address hashes. Each use gets a
 * key of its own, derived from the secret and the use's name, so that no signature is valid for another use.
 *
 * <p>The secret's value is one key, as the stack generates it, or after a rotation the JSON object
 * {@code {"current": "...", "previous": "...", "rotatedAt": "2026-11-28T10:15:30Z"}}: the current key signs, and
 * the previous one still verifies what was signed before the rotation, for one lifetime of it (docs/deploy.md).
 */
public final class IntakeSecret {

    private static final String HMAC = "HmacSHA256";
    /** 128 bits: the least a generated secret of the template gives. */
    private static final int MIN_LENGTH = 16;

    private static final int MIN_SHORT_MAC = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("current", "previous", "rotatedAt");

    private final Key current;
    private final Optional<Key> previous;
    private final Instant rotatedAt;

    private IntakeSecret(Key current, Optional<Key> previous, Instant rotatedAt) {
        this.current = current;
        this.previous = previous;
        this.rotatedAt = rotatedAt;
    }

    /**
     * The secret of this value: one key, or the JSON of a rotation.
     *
     * @throws IllegalArgumentException naming what is wrong with it, never showing any of it
     */
    public static IntakeSecret of(String secret) {
        Objects.requireNonNull(secret, "secret == null");
        if (!secret.startsWith("{")) {
            return new IntakeSecret(key(secret, "the intake secret"), Optional.empty(), Instant.MIN);
        }
        JsonNode rotation;
        try {
            rotation = JSON.readTree(secret);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the text around the error, which is key material: neither it nor the
            // exception is passed on.
            throw new IllegalArgumentException("the intake secret starts with '{' but is no JSON object");
        }
        if (rotation == null || !rotation.isObject()) {
            throw new IllegalArgumentException("the intake secret starts with '{' but is no JSON object");
        }
        rotation.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        "the intake secret's JSON has only current, previous and rotatedAt, not " + field);
            }
        });
        var current = key(text(rotation, "current"), "the intake secret's current");
        if (!rotation.has("previous")) {
            return new IntakeSecret(current, Optional.empty(), Instant.MIN);
        }
        var previous = key(text(rotation, "previous"), "the intake secret's previous");
        Instant rotatedAt;
        try {
            rotatedAt = Instant.parse(text(rotation, "rotatedAt"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "the intake secret's rotatedAt is no UTC time such as 2026-11-28T10:15:30Z");
        }
        return new IntakeSecret(current, Optional.of(previous), rotatedAt);
    }

    /** HMAC-SHA256 of the data under the current key of this use, base64url without padding. */
    public String sign(String use, String data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(current.mac(use, data));
    }

    /** Whether the signature is the one {@link #sign} gives; compared in constant time. */
    public boolean verify(String use, String data, String signature) {
        return decoded(signature).map(given -> current.signed(use, data, given)).orElse(false);
    }

    /**
     * Whether the signature is the current key's, or the previous key's while less than {@code lifetime} has
     * passed since the rotation: what was signed just before the rotation stays valid as long as it lives, and
     * after that the previous key verifies nothing.
     */
    public boolean verify(String use, String data, String signature, Instant now, Duration lifetime) {
        var given = decoded(signature);
        if (given.isEmpty()) {
            return false;
        }
        if (current.signed(use, data, given.get())) {
            return true;
        }
        return previous.isPresent()
                && now.isBefore(rotatedAt.plus(lifetime))
                && previous.get().signed(use, data, given.get());
    }

    /**
     * The first {@code length} bytes of the current key's MAC of the data, for a signature that must be short, such as
     * one inside a mail address; no fewer than 10 bytes (80 bits).
     */
    public byte[] shortMac(String use, String data, int length) {
        if (length < MIN_SHORT_MAC || length > 32) {
            throw new IllegalArgumentException("a short MAC has 10 to 32 bytes, not " + length);
        }
        return Arrays.copyOf(current.mac(use, data), length);
    }

    /**
     * Whether {@code given} is the {@link #shortMac} of the current key, or of the previous key while less than
     * {@code lifetime} has passed since the rotation; compared in constant time.
     */
    public boolean verifyShort(String use, String data, byte[] given, Instant now, Duration lifetime) {
        if (given.length < MIN_SHORT_MAC || given.length > 32) {
            return false;
        }
        if (MessageDigest.isEqual(Arrays.copyOf(current.mac(use, data), given.length), given)) {
            return true;
        }
        return previous.isPresent()
                && now.isBefore(rotatedAt.plus(lifetime))
                && MessageDigest.isEqual(Arrays.copyOf(previous.get().mac(use, data), given.length), given);
    }

    private static Optional<byte[]> decoded(String signature) {
        try {
            return Optional.of(Base64.getUrlDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode rotation, String field) {
        var value = rotation.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the intake secret's JSON needs " + field + " as a string");
        }
        return value.asText();
    }

    private static Key key(String secret, String name) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(name + " must have at least " + MIN_LENGTH + " characters");
        }
        return new Key(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "IntakeSecret[redacted]";
    }

    /** One key, with each use's MAC. */
    private static final class Key {

        private final byte[] secret;
        /**
         * Each use's MAC, keyed and never used itself: a call clones it, which costs less than deriving the use's
         * key and keying a new MAC on every request.
         */
        private final Map<String, Mac> keyed = new ConcurrentHashMap<>();

        Key(byte[] secret) {
            this.secret = secret;
        }

        boolean signed(String use, String data, byte[] given) {
            return MessageDigest.isEqual(mac(use, data), given);
        }

        byte[] mac(String use, String data) {
            try {
                var mac = (Mac) keyed.computeIfAbsent(use, this::keyedFor).clone();
                return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            } catch (CloneNotSupportedException e) {
                return keyedFor(use).doFinal(data.getBytes(StandardCharsets.UTF_8));
            }
        }

        private Mac keyedFor(String use) {
            try {
                var derive = Mac.getInstance(HMAC);
                derive.init(new SecretKeySpec(secret, HMAC));
                byte[] key = derive.doFinal(("abuse-desk/" + use).getBytes(StandardCharsets.UTF_8));
                var mac = Mac.getInstance(HMAC);
                mac.init(new SecretKeySpec(key, HMAC));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        }
    }
}
