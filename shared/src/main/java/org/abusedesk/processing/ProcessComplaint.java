package org.abusedesk.processing;

import java.time.Clock;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;

/**
 * Drives one queued complaint on from where its last delivery stopped.
 *
 * <p>Queues and streams deliver at least once, so every step is conditional on the state before it. The
 * state is written after the mail is handed over: a crash between the two sends the notification again on
 * redelivery (at least once), never zero times.
 */
public final class ProcessComplaint {

    private final Complaints complaints;
    private final AbuseTeamNotifier notifier;
    private final Clock clock;

    public ProcessComplaint(Complaints complaints, AbuseTeamNotifier notifier, Clock clock) {
        this.complaints = Objects.requireNonNull(complaints, "complaints == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public ProcessingOutcome process(ComplaintKey key) {
        var found = complaints.find(key, clock.instant());
        if (found.isEmpty()) {
            return ProcessingOutcome.NOT_FOUND;
        }
        var complaint = found.get();
        if (complaint.state() != ComplaintState.RECEIVED) {
            return ProcessingOutcome.ALREADY_DONE;
        }
        notifier.notify(complaint);
        return complaints.advance(key, ComplaintState.RECEIVED, ComplaintState.NOTIFIED)
                ? ProcessingOutcome.NOTIFIED
                : ProcessingOutcome.ALREADY_DONE;
    }
}
