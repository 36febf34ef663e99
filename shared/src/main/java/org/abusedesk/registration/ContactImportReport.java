package org.abusedesk.registration;

import java.util.List;

/**
 * What a contact import did with each row of its file.
 *
 * @param rows data rows read, the header not counted
 * @param written rows whose contact was stored
 * @param rejected rows not stored: invalid, their account repeated in the file, or beyond the row limit
 * @param rejectedRows the first {@link ImportMailings#MAX_REPORTED_ROWS} of them, by line
 * @param complete false when the file could not be read to its end, or had more rows than an import takes
 */
public record ContactImportReport(
        long rows, long written, long rejected, List<RejectedContact> rejectedRows, boolean complete) {

    public ContactImportReport {
        rejectedRows = List.copyOf(rejectedRows);
    }
}
