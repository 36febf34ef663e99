package org.abusedesk.admin.api;

import java.util.List;
import org.abusedesk.registration.ImportReport;
import org.abusedesk.registration.RejectedRow;

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

    /** A row not stored: its line, its Mailing ID where one could be read, and why. */
    record RejectedRowView(long row, String mailingId, String reason) {

        static RejectedRowView of(RejectedRow row) {
            return new RejectedRowView(row.row(), row.mailingId().orElse(null), row.reason());
        }
    }
}
