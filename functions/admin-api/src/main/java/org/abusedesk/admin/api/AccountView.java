package org.abusedesk.admin.api;

import java.util.Optional;
import org.abusedesk.account.Account;
import org.abusedesk.account.AccountContact;

/** An account's status, counters and contact (null when none was set): the document's {@code Account}. */
record AccountView(String accountId, String status, long complaints, long verifiedComplaints, ContactView contact) {

    static AccountView of(Account account, Optional<AccountContact> contact) {
        return new AccountView(
                account.id().value(),
                account.status().name(),
                account.complaints(),
                account.verifiedComplaints(),
                contact.map(ContactView::of).orElse(null));
    }
}
