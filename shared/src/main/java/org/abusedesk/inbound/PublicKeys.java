package org.abusedesk.inbound;

import java.util.List;

/** Where the DKIM public key records of our sending domains come from: DNS in production, a key set offline. */
public interface PublicKeys {

    /** The TXT records at {@code <selector>._domainkey.<domain>}; empty when there are none. */
    List<String> records(String selector, String domain);
}
