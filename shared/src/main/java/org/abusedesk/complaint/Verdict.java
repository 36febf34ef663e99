package org.abusedesk.complaint;

import java.util.Locale;

/** One of the checks SES ran on a received mail, as SES reports it. */
public enum Verdict {
    PASS,
    FAIL,
    GRAY,
    PROCESSING_FAILED,
    DISABLED,
    /** Not reported, e.g. for a mail read from a file. */
    UNKNOWN;

    /** Reads SES's status text; anything else is {@link #UNKNOWN}. */
    public static Verdict parse(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
