package org.abusedesk.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.abusedesk.complaint.MailingId;

/** The team mail budget in memory, with fixed windows as the DynamoDB one keeps them. */
public final class InMemoryTeamMailBudget implements TeamMailBudget {

    private volatile int budget;
    private final Duration window;
    private final Map<Long, Integer> used = new HashMap<>();
    private final Map<Long, Long> held = new HashMap<>();
    private final Map<Long, TreeSet<String>> mailings = new HashMap<>();
    private final Map<Long, Boolean> digested = new HashMap<>();

    public InMemoryTeamMailBudget(int budget, Duration window) {
        this.budget = budget;
        this.window = window;
    }

    /** Sets the mails a window may send from now on. */
    public void limitTo(int mails) {
        this.budget = mails;
    }

    @Override
    public synchronized boolean take(Instant now) {
        long start = start(now);
        int spent = used.getOrDefault(start, 0);
        if (spent >= budget) {
            return false;
        }
        used.put(start, spent + 1);
        return true;
    }

    @Override
    public synchronized void hold(MailingId mailingId, Instant now) {
        long start = start(now);
        held.merge(start, 1L, Long::sum);
        mailings.computeIfAbsent(start, s -> new TreeSet<>()).add(mailingId.value());
    }

    @Override
    public synchronized Optional<HeldBack> claimDigest(Instant now) {
        long start = start(now) - window.toSeconds();
        if (held.getOrDefault(start, 0L) == 0 || digested.containsKey(start)) {
            return Optional.empty();
        }
        digested.put(start, true);
        var named = mailings.get(start).stream().limit(20).toList();
        return Optional.of(new HeldBack(
                Instant.ofEpochSecond(start),
                Instant.ofEpochSecond(start + window.toSeconds()),
                held.get(start),
                named,
                Math.max(0, mailings.get(start).size() - named.size())));
    }

    private long start(Instant now) {
        long seconds = window.toSeconds();
        return Math.floorDiv(now.getEpochSecond(), seconds) * seconds;
    }
}
