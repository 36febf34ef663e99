package org.abusedesk.request;

import java.util.Objects;

/** One field of an admin request that cannot be accepted, and why, in words the abuse team reads. */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
