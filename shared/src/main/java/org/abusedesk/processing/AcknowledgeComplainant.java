package org.abusedesk.processing;

import java.time.Instant;
import java.util.Objects;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.metrics.DeskMetrics;
import org.abusedesk.metrics.Measurement.AcknowledgementSkipped;
import org.abusedesk.metrics.Measurement.AcknowledgementSkipped.Reason;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges a complaint to the person who made it, at most once per case, rate-limited per address and within
 * the desk's daily budget; what it skips it measures by reason, never by address.
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
        if (!isAcknowledgeable(complaint)) {
            return false;
        }
        if (!fromIsAligned(complaint)) {
            metrics.record(new AcknowledgementSkipped(Reason.NOT_ALIGNED));
            return false;
        }
        switch (acknowledgements.record(complaint, now)) {
            case RECORDED -> {}
            case ALREADY_ACKNOWLEDGED -> {
                return false;
            }
            case ADDRESS_LIMIT -> {
                metrics.record(new AcknowledgementSkipped(Reason.ADDRESS_LIMIT));
                return false;
            }
            case BUDGET -> {
                metrics.record(new AcknowledgementSkipped(Reason.BUDGET));
                return false;
            }
        }
        try {
            acknowledger.acknowledge(complaint);
            metrics.record(new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT));
            return true;
        } catch (RuntimeException e) {
            // A courtesy mail that fails must not hold up the abuse team's: it is recorded, so never retried.
            LOG.warn("acknowledgement not sent: mailingId={} complaintId={}", complaint.mailingId(), complaint.id(), e);
            return false;
        }
    }

    /**
     * A complaint with an address, by form or forwarded by a person: a provider's ARF or X-ARF report is never
     * acknowledged, its sender is a machine.
     */
    static boolean isAcknowledgeable(Complaint complaint) {
        // No address: a mail without a From: address, or a complainant erased before the complaint was processed.
        if (complaint.classification() != Classification.COMPLAINT
                || complaint.complainant().email().isBlank()) {
            return false;
        }
        return complaint.channel() == Channel.FORM
                || complaint
                        .attribution()
                        .provenance()
                        .filter(p -> !p.format().isProviderReport())
                        .isPresent();
    }

    /**
     * Whether the address may receive our mail: a form's is the form's (its own limits guard it); a mail's only when
     * DMARC passed, as only DMARC ties SPF or DKIM to the {@code From:} domain the address is taken from. SPF alone
     * checks the envelope sender, which anybody can set beside a forged {@code From:}: acknowledging on it would
     * aim the desk's mail at any address.
     */
    static boolean fromIsAligned(Complaint complaint) {
        return complaint.channel() == Channel.FORM
                || complaint
                        .attribution()
                        .provenance()
                        .filter(p -> p.verdicts().dmarc() == Verdict.PASS)
                        .isPresent();
    }
}
