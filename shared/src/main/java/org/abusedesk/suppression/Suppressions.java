package org.abusedesk.suppression;

import java.util.List;
import org.abusedesk.account.AccountId;

/** The complainants each account must not mail again. */
public interface Suppressions {

    List<Suppression> of(AccountId accountId);
}
