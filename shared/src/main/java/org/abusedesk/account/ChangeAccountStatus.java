package org.abusedesk.account;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.abusedesk.request.InvalidRequestException;
import org.abusedesk.request.RequestFields;

/**
 * A person sets an account's status, in either direction: unlike the automatic escalation, a person may lift a
 * PAUSED account back to ACTIVE. Every change names who made it and why, and is recorded in the account's history,
 * from which the accounts table's stream publishes it to the sending platform.
 */
public final class ChangeAccountStatus {

    public static final int MAX_REASON_CHARS = 1_000;
    public static final int MAX_CHANGED_BY_CHARS = 200;

    private final Accounts accounts;
    private final AccountStatistics statistics;
    private final Clock clock;

    public ChangeAccountStatus(Accounts accounts, AccountStatistics statistics, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts == null");
        this.statistics = Objects.requireNonNull(statistics, "statistics == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Sets the status, conditional on the status it starts from.
     *
     * @return the change as recorded
     * @throws InvalidRequestException naming each field that cannot be accepted, or {@code status} when the account
     *     is at that status already
     * @throws StatusConflictException when the account is not at the expected status, or another change got there
     *     between reading and writing
     */
    public StatusChange change(StatusChangeRequest request) {
        var fields = new RequestFields();
        String id = fields.required("accountId", request.accountId(), AccountId.MAX_LENGTH);
        AccountStatus to = fields.oneOf("status", request.status(), AccountStatus.class);
        var expected = fields.optionalOneOf("expectedStatus", request.expectedStatus(), AccountStatus.class);
        String reason = fields.required("reason", request.reason(), MAX_REASON_CHARS);
        String changedBy = fields.required("changedBy", request.changedBy(), MAX_CHANGED_BY_CHARS);
        String changedByName = request.changedByName() == null
                ? changedBy
                : fields.required("changedByName", request.changedByName(), MAX_CHANGED_BY_CHARS);
        // The desk's own name marks automatic escalations, whose announcements are mailed: a person never uses it.
        if (StatusChange.AUTOMATIC.equalsIgnoreCase(changedBy)) {
            fields.add("changedBy", "is reserved for the desk's automatic escalations");
        }
        fields.throwIfAny();

        var accountId = new AccountId(id);
        AccountStatus from = accounts.status(accountId);
        if (expected.isPresent() && expected.get() != from) {
            throw new StatusConflictException(accountId, expected.get(), from);
        }
        if (to == from) {
            throw new InvalidRequestException("status", "is the account's status already");
        }
        var now = clock.instant();
        var change = new StatusChange(
                accountId, from, to, now, reason, changedBy, statistics.of(accountId, now), List.of(), changedByName);
        if (!accounts.changeStatus(change)) {
            throw new StatusConflictException(accountId, from, accounts.status(accountId));
        }
        return change;
    }
}
