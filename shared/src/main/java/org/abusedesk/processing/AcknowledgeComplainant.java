package org.abusedesk.processing;

import java.time.Instant;
import java.util.Objects;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;

/**
 * Acknowledges a complaint to the person who made it, at most once per case and rate-limited per address.
 *
 * <p>The acknowledgement is recorded before it is sent: a crash in between loses one courtesy mail, but no person
 * ever gets two for one case.
 */
public final class AcknowledgeComplainant {

    private final Acknowledgements acknowledgements;
    private final ComplainantAcknowledger acknowledger;

    public AcknowledgeComplainant(Acknowledgements acknowledgements, ComplainantAcknowledger acknowledger) {
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements == null");
        this.acknowledger = Objects.requireNonNull(acknowledger, "acknowledger == null");
    }

    /** @return whether an acknowledgement was sent */
    public boolean acknowledge(Complaint complaint, Instant now) {
        if (!deservesAcknowledgement(complaint) || !acknowledgements.record(complaint, now)) {
            return false;
        }
        acknowledger.acknowledge(complaint);
        return true;
    }

    // Form complaints only: a mailed one also needs its sender's SPF/DMARC verdict, which is not recorded yet.
    static boolean deservesAcknowledgement(Complaint complaint) {
        return complaint.classification() == Classification.COMPLAINT && complaint.channel() == Channel.FORM;
    }
}
