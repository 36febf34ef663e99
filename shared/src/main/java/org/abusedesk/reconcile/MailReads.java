package org.abusedesk.reconcile;

import java.time.Instant;

/**
 * How often the reconciler has tried to read each stored mail: a mail that fails to be read again and again is
 * quarantined for a while instead of being read every run.
 */
public interface MailReads {

    /** Records one more try at reading the mail; false, recording nothing, when it had {@code limit} already. */
    boolean take(String receiptId, int limit, Instant now);
}
