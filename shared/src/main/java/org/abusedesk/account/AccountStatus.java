package org.abusedesk.account;

/** How the desk rates a sending account; escalates automatically, only a person de-escalates. */
public enum AccountStatus {
    ACTIVE,
    WATCH,
    FLAGGED,
    PAUSED;

    public boolean isAbove(AccountStatus other) {
        return compareTo(other) > 0;
    }
}
