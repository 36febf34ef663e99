package org.abusedesk.processing;

import java.net.URI;
import java.util.Optional;
import org.abusedesk.complaint.Complaint;

/** Links the abuse team can open to read a complaint's stored evidence (the raw mail). */
public interface EvidenceLinks {

    /** No links: for channels without stored evidence, and for tests. */
    EvidenceLinks NONE = complaint -> Optional.empty();

    /** A link to the complaint's evidence; empty without stored evidence, and always empty for a quarantined one. */
    Optional<URI> linkTo(Complaint complaint);
}
