package org.abusedesk.form;

import java.util.Objects;

/** One entry of a JSON error response: the field it concerns ("" for the request as a whole) and why. */
record ApiError(String field, String message) {

    ApiError {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(message, "message == null");
    }
}
