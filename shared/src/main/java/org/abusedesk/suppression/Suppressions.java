package org.abusedesk.suppression;

import java.util.List;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;

/** The complainants each account must not mail again. */
public interface Suppressions {

    /** All of the account's suppressions. */
    List<Suppression> of(AccountId accountId);

    /** The account's suppression of the address with this hash, if it has one. */
    Optional<Suppression> find(AccountId accountId, AddressHash addressHash);

    /**
     * A page of the account's suppressions, in the order of their address hashes.
     *
     * @throws org.abusedesk.paging.InvalidCursorException when the cursor is not one of this account's suppressions
     */
    Page<Suppression> of(AccountId accountId, PageRequest page);
}
