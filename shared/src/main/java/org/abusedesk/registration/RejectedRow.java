package org.abusedesk.registration;

import java.util.Objects;
import java.util.Optional;

/**
 * A row of an import file that was not stored, and why.
 *
 * @param row the line of the file the row starts on; the header is line 1
 * @param mailingId the row's Mailing ID, where one could be read
 * @param reason each field that is wrong and why, or why the store refused the row
 */
public record RejectedRow(long row, Optional<String> mailingId, String reason) {

    public RejectedRow {
        Objects.requireNonNull(mailingId, "mailingId == null");
        Objects.requireNonNull(reason, "reason == null");
    }
}
