package org.abusedesk.registration;

import java.util.Map;
import java.util.Set;
import org.abusedesk.complaint.MailingId;

/**
 * What became of each mailing of a bulk registration.
 *
 * @param written registered now, or registered anew with other values
 * @param unchanged registered with these very values already: nothing was written
 * @param failed not written, with why (the store's error, never the mailing's content)
 */
public record BulkRegistration(Set<MailingId> written, Set<MailingId> unchanged, Map<MailingId, String> failed) {

    public BulkRegistration {
        written = Set.copyOf(written);
        unchanged = Set.copyOf(unchanged);
        failed = Map.copyOf(failed);
    }
}
