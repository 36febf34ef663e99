package org.abusedesk.complaint;

import java.util.Objects;
import java.util.Optional;

/**
 * What the complaint's evidence says about who sent the reported mail, and whether that is proven.
 *
 * @param claimedAccountId the sending account the evidence names (e.g. an {@code X-Client} header): shown as
 *     evidence, but it escalates an account only when {@code accountSigned} and the complaint is verified
 * @param accountSigned the claimed account came from a header that a valid DKIM signature of ours covers, with no
 *     unsigned copy beside it
 * @param verification which rule proved the evidence came from our servers, or why none did
 * @param provenance for a mailed complaint: where it came from and how its Mailing ID was found
 */
public record Attribution(
        Optional<String> claimedAccountId,
        boolean accountSigned,
        Verification verification,
        Optional<MailProvenance> provenance) {

    /** Nothing claimed, nothing proven: what a web form complaint carries. */
    public static final Attribution NONE = new Attribution(Optional.empty(), Verification.FORM);

    public Attribution {
        Objects.requireNonNull(claimedAccountId, "claimedAccountId == null");
        Objects.requireNonNull(verification, "verification == null");
        Objects.requireNonNull(provenance, "provenance == null");
    }

    /** An attribution without mail provenance and without a signed account. */
    public Attribution(Optional<String> claimedAccountId, Verification verification) {
        this(claimedAccountId, false, verification, Optional.empty());
    }

    /** Whether the evidence provably came from our servers; only verified complaints count towards pausing. */
    public boolean verified() {
        return verification.verified();
    }

    /** The account a verified signature names: the only account besides the registry's that may be escalated. */
    public Optional<String> provenAccountId() {
        return verified() && accountSigned ? claimedAccountId : Optional.empty();
    }

    /** The same attribution, marked as a replay of a signed message counted before. */
    public Attribution asReplay() {
        return new Attribution(claimedAccountId, accountSigned, Verification.REPLAY, provenance);
    }

    /** Whether the complaint's evidence must stay out of notifications, because a virus was found in it. */
    public boolean quarantined() {
        return provenance.map(MailProvenance::quarantined).orElse(false);
    }
}
