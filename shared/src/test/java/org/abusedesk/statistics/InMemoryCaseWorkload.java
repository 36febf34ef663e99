package org.abusedesk.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.abusedesk.cases.AnswerDeadline;
import org.abusedesk.complaint.ComplaintKey;

/** Open cases and CSA cases in memory: a case is opened with its time of receipt and closed by its key. */
public final class InMemoryCaseWorkload implements CaseWorkload {

    private record Open(ComplaintKey key, Instant receivedAt, boolean csa) {}

    private final List<Open> open = new ArrayList<>();

    public void open(ComplaintKey key, Instant receivedAt) {
        open.add(new Open(key, receivedAt, false));
    }

    /** Opens a case the CSA forwarded: it has a deadline. */
    public void openCsa(ComplaintKey key, Instant receivedAt) {
        open.add(new Open(key, receivedAt, true));
    }

    public void close(ComplaintKey key) {
        open.removeIf(o -> o.key().equals(key));
    }

    @Override
    public OpenCases openCases() {
        Optional<Instant> oldest = open.stream().map(Open::receivedAt).min(Comparator.naturalOrder());
        return new OpenCases(open.size(), oldest);
    }

    @Override
    public List<CsaCaseDue> csaCasesDue(int limit) {
        return open.stream()
                .filter(Open::csa)
                .map(o -> new CsaCaseDue(o.key(), o.receivedAt(), AnswerDeadline.csa(o.receivedAt())))
                .sorted(Comparator.comparing((CsaCaseDue due) -> due.deadline().endsAt())
                        .thenComparing(CsaCaseDue::receivedAt))
                .limit(limit)
                .toList();
    }
}
