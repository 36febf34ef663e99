package org.abusedesk.inbound;

import java.time.Instant;
import java.util.List;

/** Where the DKIM public key records of our sending domains come from: DNS in production, a key set offline. */
public interface PublicKeys {

    /**
     * The TXT records at {@code <selector>._domainkey.<domain>}; empty when there are none, or none came before the
     * deadline, which bounds every lookup for one mail together.
     */
    List<String> records(String selector, String domain, Instant deadline);
}
