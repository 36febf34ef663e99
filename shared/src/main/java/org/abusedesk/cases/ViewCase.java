package org.abusedesk.cases;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.processing.EvidenceLinks;

/** Opens one case: everything stored about it, and a signed link to its raw mail where one may be given. */
public final class ViewCase {

    private final CaseFiles files;
    private final EvidenceLinks links;
    private final Clock clock;

    public ViewCase(CaseFiles files, EvidenceLinks links, Clock clock) {
        this.files = Objects.requireNonNull(files, "files == null");
        this.links = Objects.requireNonNull(links, "links == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** @throws CaseNotFoundException when there is no such case, or its personal data expired */
    public CaseView view(ComplaintKey key) {
        var file = files.find(key, clock.instant()).orElseThrow(() -> new CaseNotFoundException(key));
        // An erased case's raw mail is deleted or belongs to someone else's complaint: no link either way.
        var link = file.erasedAt().isPresent() ? Optional.<URI>empty() : links.linkTo(file.complaint());
        return new CaseView(file, link);
    }
}
