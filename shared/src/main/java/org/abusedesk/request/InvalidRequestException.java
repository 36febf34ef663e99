package org.abusedesk.request;

import java.util.List;

/** An admin request with at least one field that cannot be accepted; nothing was changed. */
public final class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors is empty");
        }
        return "invalid request: "
                + String.join("; ", errors.stream().map(FieldError::toString).toList());
    }
}
