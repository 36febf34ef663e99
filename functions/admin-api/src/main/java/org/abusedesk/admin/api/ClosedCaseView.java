package org.abusedesk.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.complaint.ComplaintKey;

/** The answer to closing a case: its state, and who closed it when, where it is closed. */
record ClosedCaseView(
        String mailingId,
        String complaintId,
        String state,
        @JsonInclude(JsonInclude.Include.NON_NULL) String closedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String closedAt) {

    static ClosedCaseView of(ComplaintKey key, CaseFile file) {
        var closure = file.closure();
        return new ClosedCaseView(
                key.mailingId().value(),
                key.complaintId().value(),
                file.complaint().state().name(),
                closure.map(c -> c.actor().name()).orElse(null),
                closure.map(c -> c.at().toString()).orElse(null));
    }
}
