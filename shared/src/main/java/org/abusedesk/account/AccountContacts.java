package org.abusedesk.account;

import java.util.Optional;

/** The contacts of sending accounts, in the accounts registry. */
public interface AccountContacts {

    /** The account's contact; empty when none was set. */
    Optional<AccountContact> find(AccountId account);

    /** Sets the account's contact, replacing the one before. */
    void put(AccountId account, AccountContact contact);
}
