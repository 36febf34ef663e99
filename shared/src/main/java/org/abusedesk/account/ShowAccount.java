package org.abusedesk.account;

import java.util.Objects;
import java.util.Optional;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.request.RequestFields;

/** What the desk knows of an account: status, counters and the history of its status, whole or a page at a time. */
public final class ShowAccount {

    private final Accounts accounts;

    public ShowAccount(Accounts accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts == null");
    }

    /**
     * The account with its whole history, oldest change first; empty when nothing ever named it.
     *
     * @throws org.abusedesk.request.InvalidRequestException naming {@code accountId}
     */
    public Optional<Account> show(String accountId) {
        return accounts.find(read(accountId));
    }

    /**
     * A page of the account's history, newest change first: for accounts whose history is long.
     *
     * @throws org.abusedesk.request.InvalidRequestException naming {@code accountId}
     * @throws org.abusedesk.paging.InvalidCursorException when the cursor is not one of this account's history
     */
    public Page<StatusChange> history(String accountId, PageRequest page) {
        return accounts.history(read(accountId), page);
    }

    static AccountId read(String accountId) {
        var fields = new RequestFields();
        String id = fields.required("accountId", accountId, AccountId.MAX_LENGTH);
        fields.throwIfAny();
        return new AccountId(id);
    }
}
