package org.abusedesk.intake;

import java.util.Objects;

/** One field of a submission that cannot be accepted, and why. */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(message, "message == null");
    }
}
