package org.abusedesk.admin.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.abusedesk.account.StatusChange;

/** The answer to a status change: the account, then the change as its history shows it. */
record StatusChangedView(String accountId, @JsonUnwrapped StatusChangeView change) {

    static StatusChangedView of(StatusChange change) {
        return new StatusChangedView(change.accountId().value(), StatusChangeView.of(change));
    }
}
