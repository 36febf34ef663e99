package org.abusedesk.complaint;

import java.util.Objects;

/**
 * The check of one DKIM signature of our sending domains on a reported message: the signature over the headers
 * and the hash of the body are recorded apart, so that a changed body and a changed header can be told apart.
 */
public record DkimCheck(String domain, String selector, boolean headerValid, boolean bodyHashValid) {

    public DkimCheck {
        Objects.requireNonNull(domain, "domain == null");
        Objects.requireNonNull(selector, "selector == null");
    }

    /** Both the header signature and the body hash verify. */
    public boolean valid() {
        return headerValid && bodyHashValid;
    }
}
