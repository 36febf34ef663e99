package org.abusedesk.cases;

import java.time.Instant;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;

/** Cases one at a time: read whole, and closed by the abuse team. */
public interface CaseFiles {

    /** The case under this key, unless it does not exist or its personal data expired before {@code now}. */
    Optional<CaseFile> find(ComplaintKey key, Instant now);

    /**
     * Closes a case that is still in state {@code from}, recording the closure with it.
     *
     * @return false when the case does not exist or was no longer in state {@code from}; nothing was written
     */
    boolean close(ComplaintKey key, ComplaintState from, CaseClosure closure);

    /**
     * Moves a case that is still in state {@code from} to WAITING_FOR_CUSTOMER, due at {@code dueAt}.
     *
     * @return false when it was no longer in state {@code from}; nothing was written
     */
    boolean await(ComplaintKey key, ComplaintState from, Instant dueAt);

    /**
     * Moves a case the customer answered from WAITING_FOR_CUSTOMER back to NOTIFIED, for the team to read on.
     *
     * @return false when it was not waiting; nothing was written
     */
    boolean answered(ComplaintKey key);

    /**
     * Records that the complainant was told the outcome, unless they were told before or erased.
     *
     * @return false when they were, or the case is gone; nothing was written
     */
    boolean markOutcomeTold(ComplaintKey key, Instant at);
}
