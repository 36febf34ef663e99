package org.abusedesk.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of an import file that was not stored, and why.
 *
 * @param line the line of the file the row starts on (the header is line 1), plus the import's line offset: for a
 *     part of a larger file, the line in that file
 * @param mailingId the row's Mailing ID, where one could be read
 * @param errors each field that is wrong and why, or why the row as a whole was not stored; at least one
 */
public record RejectedRow(long line, Optional<String> mailingId, List<RowError> errors) {

    public RejectedRow {
        Objects.requireNonNull(mailingId, "mailingId == null");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejected row without an error");
        }
    }

    public RejectedRow(long line, Optional<String> mailingId, RowError error) {
        this(line, mailingId, List.of(error));
    }

    /** The errors in one line of text: {@code field: message; field: message}. */
    public String reason() {
        return String.join("; ", errors.stream().map(RowError::toString).toList());
    }
}
