package org.abusedesk.mailing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;

/** The mailing registry: Mailing ID → account, recipients, send time; with each mailing's complaint counters. */
public interface Mailings {

    /** Registers a mailing, or updates its registration; its complaint counters are kept. */
    void register(Mailing mailing);

    Optional<Mailing> find(MailingId id);

    /** The account's registered mailings sent at or after {@code since}. */
    List<Mailing> sentBy(AccountId accountId, Instant since);
}
