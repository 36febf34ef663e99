package org.abusedesk.complaint;

import java.util.Objects;
import java.util.Optional;

/**
 * What the complaint's evidence says about who sent the reported mail, and whether that is proven.
 *
 * @param claimedAccountId the sending account the evidence names (e.g. an {@code X-Client} header); the mailing
 *     registry's account wins where the mailing is registered
 * @param verified whether the evidence provably came from our servers (a provider's feedback-loop report, or a
 *     valid DKIM signature of one of our domains); only verified complaints count towards pausing an account
 * @param provenance for a mailed complaint: where it came from and how its Mailing ID was found
 */
public record Attribution(Optional<String> claimedAccountId, boolean verified, Optional<MailProvenance> provenance) {

    /** Nothing claimed, nothing proven: what a web form complaint carries. */
    public static final Attribution NONE = new Attribution(Optional.empty(), false);

    public Attribution {
        Objects.requireNonNull(claimedAccountId, "claimedAccountId == null");
        Objects.requireNonNull(provenance, "provenance == null");
    }

    /** An attribution without mail provenance, as the web form gives it. */
    public Attribution(Optional<String> claimedAccountId, boolean verified) {
        this(claimedAccountId, verified, Optional.empty());
    }

    /** Whether the complaint's evidence must stay out of notifications, because a virus was found in it. */
    public boolean quarantined() {
        return provenance.map(MailProvenance::quarantined).orElse(false);
    }
}
