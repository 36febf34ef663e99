package org.abusedesk.complaint;

import java.util.Objects;

/** What the receiving mail server (SES) found about the mail that brought a complaint in: spam, virus, SPF, DKIM, DMARC. */
public record ReceiptVerdicts(Verdict spam, Verdict virus, Verdict spf, Verdict dkim, Verdict dmarc) {

    /** No verdicts: the mail did not come through SES. */
    public static final ReceiptVerdicts UNKNOWN =
            new ReceiptVerdicts(Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN);

    public ReceiptVerdicts {
        Objects.requireNonNull(spam, "spam == null");
        Objects.requireNonNull(virus, "virus == null");
        Objects.requireNonNull(spf, "spf == null");
        Objects.requireNonNull(dkim, "dkim == null");
        Objects.requireNonNull(dmarc, "dmarc == null");
    }

    /** A virus was found: the mail's evidence must never be attached to or linked from a notification. */
    public boolean virusFound() {
        return virus == Verdict.FAIL;
    }
}
