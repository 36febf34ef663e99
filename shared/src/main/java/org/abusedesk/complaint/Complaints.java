package org.abusedesk.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The complaints table, in the domain's words. */
public interface Complaints {

    /**
     * Stores a new complaint exactly once.
     *
     * @throws DuplicateComplaintException when a complaint with this key exists already
     */
    void add(Complaint complaint);

    /** The complaint under this key, unless it does not exist or its personal data expired before {@code now}. */
    Optional<Complaint> find(ComplaintKey key, Instant now);

    /**
     * Moves a complaint from one state to the next.
     *
     * @return false when the complaint was no longer in state {@code from}: another delivery got there first
     */
    boolean advance(ComplaintKey key, ComplaintState from, ComplaintState to);

    /** The mailing's complaints that were counted and wait for their abuse-team mail, oldest first. */
    List<Complaint> awaitingNotification(MailingId mailingId, Instant now);

    /** How many complaints (classified COMPLAINT) the mailing received at or after {@code since}. */
    long countSince(MailingId mailingId, Instant since);
}
