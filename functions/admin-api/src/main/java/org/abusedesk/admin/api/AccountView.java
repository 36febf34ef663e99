package org.abusedesk.admin.api;

import org.abusedesk.account.Account;

/** An account's status and counters: the document's {@code Account}. */
record AccountView(String accountId, String status, long complaints, long verifiedComplaints) {

    static AccountView of(Account account) {
        return new AccountView(
                account.id().value(), account.status().name(), account.complaints(), account.verifiedComplaints());
    }
}
