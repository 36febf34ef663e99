package org.abusedesk.account;

import java.util.Optional;

/** The accounts table, in the domain's words. */
public interface Accounts {

    /** The account's status, counters and history; empty when no complaint ever named it. */
    Optional<Account> find(AccountId id);

    /**
     * Records a status change, if the account is still at {@code change.from()}.
     *
     * @return false when another change got there first; nothing is written then
     */
    boolean changeStatus(StatusChange change);

    /** Escalations whose notification to the abuse team has not gone out yet, oldest first. */
    java.util.List<StatusChange> unannouncedEscalations(AccountId id);

    /** Marks an escalation as announced to the abuse team. */
    void markAnnounced(StatusChange change);
}
