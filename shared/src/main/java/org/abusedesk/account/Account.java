package org.abusedesk.account;

import java.util.List;
import java.util.Objects;

/** A sending account as the desk sees it: its status, its counters and how its status came to be. */
public record Account(
        AccountId id, AccountStatus status, long complaints, long verifiedComplaints, List<StatusChange> history) {

    public Account {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(status, "status == null");
        history = List.copyOf(history);
    }

    /** An account the desk has heard nothing about yet. */
    public static Account unknown(AccountId id) {
        return new Account(id, AccountStatus.ACTIVE, 0, 0, List.of());
    }
}
