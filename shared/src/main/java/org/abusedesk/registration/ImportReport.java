package org.abusedesk.registration;

import java.util.List;

/**
 * What an import did with each row of its file.
 *
 * @param rows data rows read, the header not counted
 * @param written rows registered now, or whose registration changed
 * @param unchanged rows registered with these very values already: a repeated import writes nothing
 * @param rejected rows not stored: invalid, repeated in the file, or refused by the store
 * @param rejectedRows the first {@link ImportMailings#MAX_REPORTED_ROWS} of them, by line
 * @param complete false when the file could not be read to its end; the rows after the last one read are not in it
 */
public record ImportReport(
        long rows, long written, long unchanged, long rejected, List<RejectedRow> rejectedRows, boolean complete) {

    public ImportReport {
        rejectedRows = List.copyOf(rejectedRows);
    }
}
