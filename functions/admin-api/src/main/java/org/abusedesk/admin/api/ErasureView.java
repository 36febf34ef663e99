package org.abusedesk.admin.api;

import java.util.List;
import org.abusedesk.cases.ErasureReport;
import org.abusedesk.complaint.ComplaintKey;

/** What erasing a complainant's data did: the document's {@code ErasureReport}. */
record ErasureView(
        List<CaseKeyView> complaints,
        int complaintsErased,
        int rawMailsDeleted,
        int rawMailsKept,
        int suppressionsKept) {

    static ErasureView of(ErasureReport report) {
        return new ErasureView(
                report.complaints().stream().map(CaseKeyView::of).toList(),
                report.complaintsErased(),
                report.rawMailsDeleted(),
                report.rawMailsKept(),
                report.suppressionsKept());
    }

    /** A case by its mailing and complaint. */
    record CaseKeyView(String mailingId, String complaintId) {

        static CaseKeyView of(ComplaintKey key) {
            return new CaseKeyView(key.mailingId().value(), key.complaintId().value());
        }
    }
}
