package org.abusedesk.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.registration.Mailing;

/**
 * An account's complaint rate over time, as the escalation computes it at each moment: the complaints and
 * recipients of its mailings with a recipient count sent within the window before that moment, each mailing with the
 * counts its last complaint counted by then kept.
 */
public final class RateTimeline {

    /** One counted complaint: when it was counted, and its mailing's counts after it, as the complaint keeps them. */
    public record Counted(MailingId mailingId, Instant at, long complaints, long verifiedComplaints) {

        public Counted {
            Objects.requireNonNull(mailingId, "mailingId == null");
            Objects.requireNonNull(at, "at == null");
            if (complaints < 0 || verifiedComplaints < 0 || verifiedComplaints > complaints) {
                throw new IllegalArgumentException("counts out of range");
            }
        }
    }

    private final Duration window;

    public RateTimeline(Duration window) {
        this.window = Objects.requireNonNull(window, "window == null");
    }

    /**
     * The points from {@code from} to {@code to}, both included, in time order: the end of each Berlin day and the
     * moment after each counted complaint.
     */
    public List<RatePoint> points(List<Mailing> mailings, List<Counted> counted, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        var byMailing = new HashMap<MailingId, List<Counted>>();
        counted.forEach(c -> byMailing
                .computeIfAbsent(c.mailingId(), id -> new ArrayList<>())
                .add(c));
        byMailing.values().forEach(list -> list.sort(Comparator.comparing(Counted::at)));
        var moments = new TreeSet<Instant>();
        for (var day = BerlinDays.of(from); !BerlinDays.end(day).isAfter(to); day = day.plusDays(1)) {
            moments.add(BerlinDays.end(day));
        }
        counted.stream()
                .map(Counted::at)
                .filter(at -> !at.isBefore(from) && !at.isAfter(to))
                .forEach(moments::add);
        return moments.stream().map(at -> point(at, mailings, byMailing)).toList();
    }

    private RatePoint point(Instant at, List<Mailing> mailings, Map<MailingId, List<Counted>> byMailing) {
        long complaints = 0;
        long verified = 0;
        long recipients = 0;
        var since = at.minus(window);
        for (var mailing : mailings) {
            boolean inWindow =
                    !mailing.sentAt().isBefore(since) && !mailing.sentAt().isAfter(at);
            if (!inWindow
                    || mailing.recipients().isEmpty()
                    || mailing.recipients().getAsLong() == 0) {
                continue;
            }
            recipients += mailing.recipients().getAsLong();
            Counted last = null;
            for (var c : byMailing.getOrDefault(mailing.id(), List.of())) {
                if (c.at().isAfter(at)) {
                    break;
                }
                if (last == null || c.complaints() >= last.complaints()) {
                    last = c;
                }
            }
            if (last != null) {
                complaints += last.complaints();
                verified += last.verifiedComplaints();
            }
        }
        var statistics = new ComplaintStatistics(complaints, verified, recipients, 0);
        return new RatePoint(at, complaints, recipients, statistics.ratePercent());
    }
}
