package org.abusedesk.cases;

import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintState;

/**
 * Which cases a person may close, and how. A complaint is resolved or dismissed once the abuse team was told of it
 * (NOTIFIED): before that it is still being counted and mailed, and closing it would stop that. A mail that is no
 * complaint (a bounce, an auto-reply ...) is never counted nor notified; it stays RECEIVED and may only be dismissed.
 */
public enum ClosingRule {
    RESOLVE(ComplaintState.RESOLVED, "only a NOTIFIED or WAITING_FOR_CUSTOMER case can be resolved"),
    DISMISS(
            ComplaintState.DISMISSED,
            "only a NOTIFIED or WAITING_FOR_CUSTOMER case, or a RECEIVED one that is no complaint, can be dismissed");

    private final ComplaintState outcome;
    private final String rule;

    ClosingRule(ComplaintState outcome, String rule) {
        this.outcome = outcome;
        this.rule = rule;
    }

    public ComplaintState outcome() {
        return outcome;
    }

    /** The rule in words, for the error that refuses a case. */
    public String rule() {
        return rule;
    }

    public boolean allows(ComplaintState state, Classification classification) {
        return state == ComplaintState.NOTIFIED
                || state == ComplaintState.WAITING_FOR_CUSTOMER
                || this == DISMISS && state == ComplaintState.RECEIVED && classification != Classification.COMPLAINT;
    }
}
