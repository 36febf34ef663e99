package org.abusedesk.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.abusedesk.complaint.MailingId;

/** Storm control: at most one abuse-team mail per mailing per window, with nothing left unmentioned. */
public interface NotificationThrottle {

    /** Takes the mailing's window if no mail went out for it within {@code window} before {@code now}. */
    boolean claim(MailingId mailingId, Instant now, Duration window);

    /** Takes the window whatever it held: an escalation is mailed at once. */
    void claimNow(MailingId mailingId, Instant now);

    /** Notes that the mailing has complaints waiting for its next mail. */
    void markPending(MailingId mailingId, Instant since);

    void clearPending(MailingId mailingId);

    /** Mailings with complaints waiting whose window has passed. */
    List<MailingId> due(Instant now, Duration window);
}
