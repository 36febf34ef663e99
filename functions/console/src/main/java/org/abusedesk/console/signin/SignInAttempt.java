package org.abusedesk.console.signin;

import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in under way, between the redirect to the provider and its callback: kept server-side under the hash of
 * its {@code state}, taken once, so that a callback's state, PKCE verifier and nonce belong together.
 *
 * @param returnPath the console page to show once signed in, already checked to be one of ours
 */
public record SignInAttempt(String stateHash, String verifier, String nonce, String returnPath, Instant expiresAt) {

    public SignInAttempt {
        Objects.requireNonNull(stateHash, "stateHash == null");
        Objects.requireNonNull(verifier, "verifier == null");
        Objects.requireNonNull(nonce, "nonce == null");
        Objects.requireNonNull(returnPath, "returnPath == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
    }
}
