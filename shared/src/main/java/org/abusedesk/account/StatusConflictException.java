package org.abusedesk.account;

import java.util.Objects;

/** A status change refused because the account is no longer at the status it was to start from. */
public final class StatusConflictException extends RuntimeException {

    private final AccountId accountId;
    private final AccountStatus expected;
    private final AccountStatus actual;

    public StatusConflictException(AccountId accountId, AccountStatus expected, AccountStatus actual) {
        super("account " + accountId + " is " + actual + ", not " + expected
                + ": it changed meanwhile; look at it again and decide anew");
        this.accountId = Objects.requireNonNull(accountId, "accountId == null");
        this.expected = Objects.requireNonNull(expected, "expected == null");
        this.actual = Objects.requireNonNull(actual, "actual == null");
    }

    public AccountId accountId() {
        return accountId;
    }

    public AccountStatus expected() {
        return expected;
    }

    public AccountStatus actual() {
        return actual;
    }
}
