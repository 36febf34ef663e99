package org.abusedesk.admin.api;

import org.abusedesk.suppression.Suppression;

/** An address an account no longer mails, by its hash only. */
record SuppressionView(String addressHash, String since, String complaintId) {

    static SuppressionView of(Suppression suppression) {
        return new SuppressionView(
                suppression.addressHash().value(), suppression.since().toString(), suppression.complaintId());
    }
}
