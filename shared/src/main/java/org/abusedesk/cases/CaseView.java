package org.abusedesk.cases;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.thread.ThreadEntry;

/**
 * One case as the abuse team opens it: its file and a short-lived link to its raw mail, if it has one that may be
 * opened (never for a quarantined mail, nor after erasure), and its thread with the sending customer, oldest first.
 */
public record CaseView(CaseFile file, Optional<URI> evidenceLink, List<ThreadEntry> thread) {

    public CaseView {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(evidenceLink, "evidenceLink == null");
        thread = List.copyOf(thread);
    }

    /** A case without a thread. */
    public CaseView(CaseFile file, Optional<URI> evidenceLink) {
        this(file, evidenceLink, List.of());
    }
}
