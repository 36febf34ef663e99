package org.abusedesk.console.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.abusedesk.snapstart.Randomness;

/** The random values of a sign-in and a session (256 bits, base64url) and the hashes they are kept under. */
public final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {}

    /** A new random value; drawn from the source a SnapStart restore renews, so that no two restores share one. */
    public static String next() {
        byte[] bytes = new byte[32];
        Randomness.secureRandom().nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    /** SHA-256 of the value, base64url. */
    public static String hash(String value) {
        return URL.encodeToString(sha256(value));
    }

    /** The PKCE challenge of a verifier (S256). */
    public static String challenge(String verifier) {
        return URL.encodeToString(sha256(verifier));
    }

    /** Compares in time independent of where they differ: a CSRF token must not leak by timing. */
    public static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
