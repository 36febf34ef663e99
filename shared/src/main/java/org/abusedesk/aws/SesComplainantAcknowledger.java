package org.abusedesk.aws;

import java.util.Objects;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.outgoing.AcknowledgementComposer;
import org.abusedesk.processing.ComplainantAcknowledger;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends the complainant's acknowledgement through SES v2. */
public final class SesComplainantAcknowledger implements ComplainantAcknowledger {

    private final SesV2Client ses;
    private final AcknowledgementComposer composer;

    public SesComplainantAcknowledger(SesV2Client ses, AcknowledgementComposer composer) {
        this.ses = Objects.requireNonNull(ses, "ses == null");
        this.composer = Objects.requireNonNull(composer, "composer == null");
    }

    @Override
    public void acknowledge(Complaint complaint) {
        SesMail.send(ses, composer.compose(complaint));
    }

    /** Composes the acknowledgement's mail and its request to SES, and sends nothing. */
    public void rehearse(Complaint sample) {
        SesMail.request(composer.compose(sample));
    }
}
