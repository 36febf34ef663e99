package org.abusedesk.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of a contact import that was not stored, and why.
 *
 * @param line the line of the file the row starts on (the header is line 1)
 * @param accountId the row's account, where one could be read
 * @param errors each column that is wrong and why, or why the row as a whole was not stored; at least one
 */
public record RejectedContact(long line, Optional<String> accountId, List<RowError> errors) {

    public RejectedContact {
        Objects.requireNonNull(accountId, "accountId == null");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejected row without an error");
        }
    }

    public RejectedContact(long line, Optional<String> accountId, RowError error) {
        this(line, accountId, List.of(error));
    }

    /** The errors in one line of text: {@code column: message; column: message}. */
    public String reason() {
        return String.join("; ", errors.stream().map(RowError::toString).toList());
    }
}
