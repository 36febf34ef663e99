package org.abusedesk.suppression;

import java.util.List;
import java.util.Optional;
import org.abusedesk.account.AccountId;

/** The complainants each account must not mail again. */
public interface Suppressions {

    List<Suppression> of(AccountId accountId);

    /** The account's suppression of the address with this hash, if it has one. */
    Optional<Suppression> find(AccountId accountId, AddressHash addressHash);
}
