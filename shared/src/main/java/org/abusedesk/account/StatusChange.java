package org.abusedesk.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One change of an account's status, as recorded in its history: who or what changed it, why, and on what
 * evidence.
 *
 * @param changedBy {@code "abuse-desk"} for an automatic escalation, otherwise the subject of the person who changed
 *     it (the user pool's {@code sub}, or a machine client's id): what AccountStatusChanged carries
 * @param changedByName the name the history shows: the person's name or e-mail address, or {@code changedBy}
 * @param complaintIds the complaints that led to it (for an automatic escalation: the one that crossed the line)
 */
public record StatusChange(
        AccountId accountId,
        AccountStatus from,
        AccountStatus to,
        Instant at,
        String reason,
        String changedBy,
        ComplaintStatistics statistics,
        List<String> complaintIds,
        String changedByName) {

    public static final String AUTOMATIC = "abuse-desk";

    /** A change whose author is known by one name: the desk's escalations, a machine client. */
    public StatusChange(
            AccountId accountId,
            AccountStatus from,
            AccountStatus to,
            Instant at,
            String reason,
            String changedBy,
            ComplaintStatistics statistics,
            List<String> complaintIds) {
        this(accountId, from, to, at, reason, changedBy, statistics, complaintIds, changedBy);
    }

    public StatusChange {
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(changedBy, "changedBy == null");
        Objects.requireNonNull(changedByName, "changedByName == null");
        Objects.requireNonNull(statistics, "statistics == null");
        complaintIds = List.copyOf(complaintIds);
    }
}
