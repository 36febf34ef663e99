package org.abusedesk.cases;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.processing.EvidenceLinks;
import org.abusedesk.thread.CaseThreads;

/** Opens one case: everything stored about it, and a signed link to its raw mail where one may be given. */
public final class ViewCase {

    private final CaseFiles files;
    private final EvidenceLinks links;
    private final Clock clock;
    private final Optional<CaseThreads> threads;

    public ViewCase(CaseFiles files, EvidenceLinks links, Clock clock) {
        this(files, links, clock, Optional.empty());
    }

    /** Opens cases with their threads. */
    public ViewCase(CaseFiles files, EvidenceLinks links, Clock clock, CaseThreads threads) {
        this(files, links, clock, Optional.of(threads));
    }

    private ViewCase(CaseFiles files, EvidenceLinks links, Clock clock, Optional<CaseThreads> threads) {
        this.threads = Objects.requireNonNull(threads, "threads == null");
        this.files = Objects.requireNonNull(files, "files == null");
        this.links = Objects.requireNonNull(links, "links == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** @throws CaseNotFoundException when there is no such case, or its personal data expired */
    public CaseView view(ComplaintKey key) {
        var now = clock.instant();
        var file = files.find(key, now).orElseThrow(() -> new CaseNotFoundException(key));
        // An erased case's raw mail is deleted or belongs to someone else's complaint: no link either way.
        var link = file.erasedAt().isPresent() ? Optional.<URI>empty() : links.linkTo(file.complaint());
        return new CaseView(file, link, threads.map(t -> t.of(key, now)).orElse(List.of()));
    }
}
