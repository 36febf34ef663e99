package org.abusedesk.cases;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One case as the abuse team opens it: its file and a short-lived link to its raw mail, if it has one that may be
 * opened (never for a quarantined mail, nor after erasure).
 */
public record CaseView(CaseFile file, Optional<URI> evidenceLink) {

    public CaseView {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(evidenceLink, "evidenceLink == null");
    }
}
