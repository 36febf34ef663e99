package org.abusedesk.registration;

import java.util.Objects;
import java.util.Optional;
import org.abusedesk.request.FieldError;

/**
 * What is wrong with a row of an import file: one of its fields and why, or without a field the row as a whole (it
 * has too few fields, the store refused it, the file cannot be read from it on).
 */
public record RowError(Optional<String> field, String message) {

    public RowError {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(message, "message == null");
    }

    public static RowError of(FieldError error) {
        return field(error.field(), error.message());
    }

    public static RowError field(String field, String message) {
        return new RowError(Optional.of(field), message);
    }

    public static RowError row(String message) {
        return new RowError(Optional.empty(), message);
    }

    /** {@code field: message}, or the message alone. */
    @Override
    public String toString() {
        return field.map(name -> name + ": " + message).orElse(message);
    }
}
