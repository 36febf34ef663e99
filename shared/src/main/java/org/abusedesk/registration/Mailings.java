package org.abusedesk.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;

/** The mailing registry: Mailing ID → account, recipients, send time; with each mailing's complaint counters. */
public interface Mailings {

    /** Registers a mailing, or updates its registration; its complaint counters and notification state are kept. */
    void register(Mailing mailing);

    /**
     * Registers many mailings of distinct Mailing IDs as {@link #register} does each: counters and notification
     * state of those already known are kept. One that fails does not stop the others.
     */
    BulkRegistration registerAll(List<Mailing> mailings);

    Optional<Mailing> find(MailingId id);

    /** The account's registered mailings sent at or after {@code since}. */
    List<Mailing> sentBy(AccountId accountId, Instant since);
}
