package org.abusedesk.complaint;

/**
 * Which rule proved that a complaint's evidence came from our servers, or why none did. Only a verified complaint
 * counts towards pausing an account; the reason is stored with the complaint and shown to the abuse team.
 */
public enum Verification {
    /** A valid DKIM signature of one of our sending domains covers the reported message and its Mailing ID header. */
    SIGNED_BY_SENDER(true, "a DKIM signature of our sending domain covers the reported message and its Mailing ID"),
    /** The report's own DKIM signature is a configured feedback-loop reporter's, aligned with its From: domain. */
    SIGNED_BY_REPORTER(true, "the report is signed by a configured feedback-loop reporter, aligned with its From:"),
    /** A web form complaint: nothing in it can be proven. */
    FORM(false, "a web form complaint: nothing in it can be proven"),
    /** No signature of our sending domains or of a configured reporter was found. */
    NOT_SIGNED(false, "no DKIM signature of our sending domains or of a configured reporter"),
    /** A signature of ours is there, but its headers or its body were changed. */
    SIGNATURE_INVALID(false, "a DKIM signature of ours is there, but the headers or the body it covers were changed"),
    /** The Mailing ID came from a source that no valid signature of ours covers. */
    MAILING_ID_NOT_SIGNED(false, "the Mailing ID came from a source no valid signature of ours covers"),
    /** Another copy of a signed header was added that no signature covers: which one is true cannot be told. */
    UNSIGNED_COPY(false, "an unsigned copy of a signed header was added to the reported message"),
    /** The report is signed, but not by a configured reporter whose signature is aligned with its From:. */
    REPORTER_NOT_PROVEN(false, "not signed by a configured feedback-loop reporter aligned with the report's From:"),
    /** A reporter signed the report, but its reported message names no mailing. */
    NO_MAILING_NAMED(false, "the report is signed, but its reported message names no mailing"),
    /** The same signed message was counted before: it is kept and shown, and counts towards nothing. */
    REPLAY(false, "a replay: the same signed message was counted before");

    private final boolean verified;
    private final String explanation;

    Verification(boolean verified, String explanation) {
        this.verified = verified;
        this.explanation = explanation;
    }

    public boolean verified() {
        return verified;
    }

    /** One line for the abuse team, in its words; it names no person. */
    public String explanation() {
        return explanation;
    }

    /** Reads a stored name; a complaint stored before reasons were kept is read by its verified flag. */
    public static Verification parse(String name, boolean verified) {
        if (name != null) {
            for (Verification verification : values()) {
                if (verification.name().equals(name)) {
                    return verification;
                }
            }
        }
        return verified ? SIGNED_BY_SENDER : NOT_SIGNED;
    }
}
