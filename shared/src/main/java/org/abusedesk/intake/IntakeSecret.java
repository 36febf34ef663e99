package org.abusedesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The intake's secret: the key of its form tokens, confirmation links and source-address hashes. Each use gets a
 * key of its own, derived from the secret and the use's name, so that no signature is valid for another use.
 */
public final class IntakeSecret {

    private static final String HMAC = "HmacSHA256";
    /** 128 bits: the least a generated secret of the template gives. */
    private static final int MIN_LENGTH = 16;

    private final byte[] secret;
    /**
     * Each use's MAC, keyed and never used itself: a call clones it, which costs less than deriving the use's key
     * and keying a new MAC on every request.
     */
    private final Map<String, Mac> keyed = new ConcurrentHashMap<>();

    private IntakeSecret(byte[] secret) {
        this.secret = secret;
    }

    public static IntakeSecret of(String secret) {
        Objects.requireNonNull(secret, "secret == null");
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the intake secret must have at least " + MIN_LENGTH + " characters");
        }
        return new IntakeSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of the data under the key of this use, base64url without padding. */
    public String sign(String use, String data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(use, data));
    }

    /** Whether the signature is the one {@link #sign} gives; compared in constant time. */
    public boolean verify(String use, String data, String signature) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(use, data), given);
    }

    private byte[] mac(String use, String data) {
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

    @Override
    public String toString() {
        return "IntakeSecret[redacted]";
    }
}
