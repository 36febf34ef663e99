package org.abusedesk.processing;

import java.time.Instant;
import java.util.Objects;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.metrics.DeskMetrics;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges a complaint to the person who made it, at most once per case and rate-limited per address.
 *
 * <p>The acknowledgement is recorded before it is sent: a crash in between loses one courtesy mail, but no person
 * ever gets two for one case.
 */
public final class AcknowledgeComplainant {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgeComplainant.class);

    private final Acknowledgements acknowledgements;
    private final ComplainantAcknowledger acknowledger;
    private final DeskMetrics metrics;

    public AcknowledgeComplainant(
            Acknowledgements acknowledgements, ComplainantAcknowledger acknowledger, DeskMetrics metrics) {
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements == null");
        this.acknowledger = Objects.requireNonNull(acknowledger, "acknowledger == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    }

    /** @return whether an acknowledgement was sent */
    public boolean acknowledge(Complaint complaint, Instant now) {
        if (!deservesAcknowledgement(complaint) || !acknowledgements.record(complaint, now)) {
            return false;
        }
        try {
            acknowledger.acknowledge(complaint);
            metrics.record(new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT));
            return true;
        } catch (RuntimeException e) {
            // A courtesy mail that fails must not hold up the abuse team's: it is recorded, so never retried.
            LOG.warn(
                    "acknowledgement not sent: mailingId={} complaintId={} error={}",
                    complaint.mailingId(),
                    complaint.id(),
                    e.getClass().getName());
            return false;
        }
    }

    /**
     * Form complaints are acknowledged. A mailed one only when a person forwarded it (not a provider's ARF or X-ARF
     * report) from an address whose SPF or DMARC check passed at our receiving server: an acknowledgement must
     * never go to a forged sender.
     */
    static boolean deservesAcknowledgement(Complaint complaint) {
        // No address: a mail without a sender, or a complaint whose complainant was erased before it was processed.
        if (complaint.classification() != Classification.COMPLAINT
                || complaint.complainant().email().isBlank()) {
            return false;
        }
        if (complaint.channel() == Channel.FORM) {
            return true;
        }
        return complaint
                .attribution()
                .provenance()
                .filter(p -> p.format() != ReportFormat.ARF && p.format() != ReportFormat.XARF)
                .filter(p -> p.verdicts().spf() == Verdict.PASS || p.verdicts().dmarc() == Verdict.PASS)
                .isPresent();
    }
}
