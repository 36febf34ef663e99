package org.abusedesk.admin.api;

import java.util.List;
import org.abusedesk.registration.ImportReport;
import org.abusedesk.registration.RejectedRow;
import org.abusedesk.registration.RowError;

/** What an import did with each row of its file: the document's {@code ImportReport}. */
record ImportReportView(
        long rows, long written, long unchanged, long rejected, List<RejectedRowView> rejectedRows, boolean complete) {

    static ImportReportView of(ImportReport report) {
        return new ImportReportView(
                report.rows(),
                report.written(),
                report.unchanged(),
                report.rejected(),
                report.rejectedRows().stream().map(RejectedRowView::of).toList(),
                report.complete());
    }

    /**
     * A row not stored: its line, its Mailing ID where one could be read, and each error. {@code row} and
     * {@code reason} say it as answers before {@code line} and {@code errors} did: the line, and the errors in one.
     */
    record RejectedRowView(long line, String mailingId, List<ErrorView> errors, long row, String reason) {

        static RejectedRowView of(RejectedRow row) {
            return new RejectedRowView(
                    row.line(),
                    row.mailingId().orElse(null),
                    row.errors().stream().map(RejectedRowView::error).toList(),
                    row.line(),
                    row.reason());
        }

        private static ErrorView error(RowError error) {
            return new ErrorView(error.field().orElse(null), error.message());
        }
    }
}
