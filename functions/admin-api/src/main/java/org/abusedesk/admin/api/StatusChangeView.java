package org.abusedesk.admin.api;

import java.util.List;
import org.abusedesk.account.StatusChange;

/** One change of an account's status, with the statistics it was decided on: an item of its history. */
record StatusChangeView(
        String at,
        String from,
        String to,
        String changedBy,
        String reason,
        String ratePercent,
        long complaints,
        long verifiedComplaints,
        long recipients,
        List<String> complaintIds) {

    static StatusChangeView of(StatusChange change) {
        var statistics = change.statistics();
        return new StatusChangeView(
                change.at().toString(),
                change.from().name(),
                change.to().name(),
                change.changedByName(),
                change.reason(),
                statistics.ratePercent().toPlainString(),
                statistics.complaints(),
                statistics.verifiedComplaints(),
                statistics.recipients(),
                change.complaintIds());
    }
}
