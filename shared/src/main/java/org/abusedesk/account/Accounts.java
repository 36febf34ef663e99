package org.abusedesk.account;

import java.util.List;
import java.util.Optional;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;

/** The accounts table, in the domain's words. */
public interface Accounts {

    /** The account's status, counters and history; empty when no complaint or person ever named it. */
    Optional<Account> find(AccountId id);

    /** The account's status alone, without its history; ACTIVE for an account the desk never heard of. */
    AccountStatus status(AccountId id);

    /**
     * A page of the account's status changes, newest first.
     *
     * @throws org.abusedesk.paging.InvalidCursorException when the cursor is not one of this account's history
     */
    Page<StatusChange> history(AccountId id, PageRequest page);

    /**
     * Records a status change, if the account is still at {@code change.from()}.
     *
     * @return false when another change got there first; nothing is written then
     */
    boolean changeStatus(StatusChange change);

    /** Escalations whose notification to the abuse team has not gone out yet, oldest first. */
    List<StatusChange> unannouncedEscalations(AccountId id);

    /** Marks an escalation as announced to the abuse team. */
    void markAnnounced(StatusChange change);
}
