package org.abusedesk.inbound;

import java.util.Objects;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Verdict;

/** One reported message of a mail with the Mailing ID it was tied to and what DKIM proves about it. */
public record ReadReport(ReportedMessage message, Resolution resolution, DkimVerifier.Proof dkim) {

    public ReadReport {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(resolution, "resolution == null");
        Objects.requireNonNull(dkim, "dkim == null");
    }

    public ReportFormat format() {
        return message.format();
    }

    /**
     * Whether the evidence provably came from our servers: a valid DKIM signature of ours on the reported message,
     * or a feedback-loop report whose own DKIM signature the receiving server verified.
     */
    public boolean verified(ReceiptVerdicts verdicts) {
        return dkim.verified() || format() == ReportFormat.ARF && verdicts.dkim() == Verdict.PASS;
    }
}
