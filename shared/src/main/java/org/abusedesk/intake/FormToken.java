package org.abusedesk.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * What the signed token in a form page says: when the page was served, and a random nonce that makes the form's
 * submissions idempotent (a double click, a reload or the back button sends the same nonce).
 */
public record FormToken(Instant issuedAt, String nonce) {

    public FormToken {
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(nonce, "nonce == null");
    }
}
