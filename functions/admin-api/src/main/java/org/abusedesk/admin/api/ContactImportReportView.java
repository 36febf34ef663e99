package org.abusedesk.admin.api;

import java.util.List;
import org.abusedesk.registration.ContactImportReport;
import org.abusedesk.registration.RejectedContact;
import org.abusedesk.registration.RowError;

/** What a contact import did with each row of its file: the document's {@code ContactImportReport}. */
record ContactImportReportView(
        long rows, long written, long rejected, List<RejectedContactView> rejectedRows, boolean complete) {

    static ContactImportReportView of(ContactImportReport report) {
        return new ContactImportReportView(
                report.rows(),
                report.written(),
                report.rejected(),
                report.rejectedRows().stream().map(RejectedContactView::of).toList(),
                report.complete());
    }

    /** A row not stored: its line, its account where one could be read, each error, and the errors in one text. */
    record RejectedContactView(long line, String accountId, List<ErrorView> errors, String reason) {

        static RejectedContactView of(RejectedContact row) {
            return new RejectedContactView(
                    row.line(),
                    row.accountId().orElse(null),
                    row.errors().stream().map(RejectedContactView::error).toList(),
                    row.reason());
        }

        private static ErrorView error(RowError error) {
            return new ErrorView(error.field().orElse(null), error.message());
        }
    }
}
