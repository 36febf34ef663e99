package org.abusedesk.account;

import java.util.Objects;

/** A checked contact and the account it belongs to: what a valid {@link AccountContactRequest} becomes. */
public record AccountContactEntry(AccountId accountId, AccountContact contact) {

    public AccountContactEntry {
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(contact, "contact == null");
    }
}
