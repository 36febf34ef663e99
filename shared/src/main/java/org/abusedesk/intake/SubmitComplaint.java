package org.abusedesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;

/** Takes a complaint in from the form or the JSON API: validates it and stores it, once. */
public final class SubmitComplaint {

    private final Complaints complaints;
    private final Clock clock;
    private final Duration retention;
    private final SubmissionValidator validator = new SubmissionValidator();

    public SubmitComplaint(Complaints complaints, Clock clock, Duration retention) {
        this.complaints = Objects.requireNonNull(complaints, "complaints == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
    }

    /**
     * Stores the submission as a new complaint.
     *
     * @return the complaint's key, whose complaint id is the case reference
     * @throws InvalidSubmissionException naming every field that cannot be accepted; nothing is stored then
     */
    public ComplaintKey submit(ComplaintSubmission submission) {
        var valid = validator.validate(submission);
        var now = clock.instant();
        var complaint = new Complaint(
                new ComplaintKey(valid.mailingId(), ComplaintId.generate()),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                now,
                valid.complainant(),
                valid.message(),
                Attribution.NONE,
                now.plus(retention));
        complaints.add(complaint);
        return complaint.key();
    }
}
