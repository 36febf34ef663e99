package org.abusedesk.processing;

import java.time.Instant;
import java.util.Optional;
import org.abusedesk.complaint.MailingId;

/**
 * Storm control across all mailings: at most so many abuse-team mails in each window, whatever their mailings, and
 * once a window held complaints back, one digest of what it held. Random Mailing IDs cannot flood the team.
 */
public interface TeamMailBudget {

    /** Takes one mail from the budget of the window {@code now} lies in; false when that is spent. */
    boolean take(Instant now);

    /** Notes that a complaint of the mailing waits, held back in {@code now}'s window because its budget was spent. */
    void hold(MailingId mailingId, Instant now);

    /** What the window before {@code now}'s held back, once: its digest is claimed by whoever asks first. */
    Optional<HeldBack> claimDigest(Instant now);
}
