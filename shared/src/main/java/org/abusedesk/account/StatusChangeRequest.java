package org.abusedesk.account;

/**
 * A person's decision to set an account's status, as the admin API or the command line hands it over: text, not
 * yet checked.
 *
 * @param status the status to set: ACTIVE, WATCH, FLAGGED or PAUSED
 * @param expectedStatus the status the person saw when deciding; null to take the current one. When the account
 *     has moved on since, the change is refused rather than applied to a status the person never saw
 * @param reason why, for the account's history and the sending platform's event
 * @param changedBy who decides, by the subject the caller authenticated them as
 * @param changedByName their name for the history; null for {@code changedBy}
 */
public record StatusChangeRequest(
        String accountId, String status, String expectedStatus, String reason, String changedBy, String changedByName) {

    /** A decision of someone known by one name. */
    public StatusChangeRequest(
            String accountId, String status, String expectedStatus, String reason, String changedBy) {
        this(accountId, status, expectedStatus, reason, changedBy, null);
    }
}
