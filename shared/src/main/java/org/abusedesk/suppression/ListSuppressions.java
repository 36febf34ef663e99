package org.abusedesk.suppression;

import java.util.Objects;
import org.abusedesk.account.AccountId;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.request.RequestFields;

/**
 * The complainants an account must not mail again, a page at a time, for the sending platform to match against its
 * lists: each is known by the SHA-256 of the normalised address only.
 */
public final class ListSuppressions {

    private final Suppressions suppressions;

    public ListSuppressions(Suppressions suppressions) {
        this.suppressions = Objects.requireNonNull(suppressions, "suppressions == null");
    }

    /**
     * @throws org.abusedesk.request.InvalidRequestException naming {@code accountId}
     * @throws org.abusedesk.paging.InvalidCursorException when the cursor is not one of this account's suppressions
     */
    public Page<Suppression> list(String accountId, PageRequest page) {
        var fields = new RequestFields();
        String id = fields.required("accountId", accountId, AccountId.MAX_LENGTH);
        fields.throwIfAny();
        return suppressions.of(new AccountId(id), page);
    }
}
