package org.abusedesk.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When one source's recent complaints arrived: a sliding log, so that the limit holds in <em>any</em> window of
 * its length, not only in windows that start on the clock's boundaries.
 */
public record SubmissionLog(List<Instant> times) {

    public static final SubmissionLog EMPTY = new SubmissionLog(List.of());

    public SubmissionLog {
        times = times.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** The admission of one more complaint at {@code now}, and the log that records it when admitted. */
    public record Decision(Admission admission, SubmissionLog log) {

        public Decision {
            Objects.requireNonNull(admission, "admission == null");
            Objects.requireNonNull(log, "log == null");
        }
    }

    public Decision admit(Instant now, SourceLimit limit) {
        var recent = new ArrayList<Instant>();
        for (Instant time : times) {
            if (time.plus(limit.window()).isAfter(now)) {
                recent.add(time);
            }
        }
        if (recent.size() >= limit.complaints()) {
            // Room comes back when the oldest complaint that still counts leaves the window.
            Instant free = recent.get(recent.size() - limit.complaints()).plus(limit.window());
            return new Decision(new Admission.Refused(Duration.between(now, free)), new SubmissionLog(recent));
        }
        recent.add(now);
        return new Decision(new Admission.Admitted(), new SubmissionLog(recent));
    }

    /** When the log no longer matters: its newest entry has left the window. */
    public Instant expiresAt(SourceLimit limit) {
        return times.isEmpty() ? Instant.EPOCH : times.get(times.size() - 1).plus(limit.window());
    }
}
