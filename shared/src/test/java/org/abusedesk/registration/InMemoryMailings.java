package org.abusedesk.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.processing.NotificationThrottle;

/** The mailing registry and the per-mailing notification window in memory, with DynamoDB's conditions. */
public final class InMemoryMailings implements Mailings, NotificationThrottle {

    private final Map<MailingId, Mailing> registered = new HashMap<>();
    /** As the byAccount index does: an account's mailings without a scan of all (benchmarks register many). */
    private final Map<AccountId, Set<MailingId>> byAccount = new HashMap<>();

    private final Map<MailingId, long[]> counters = new HashMap<>();
    private final Map<MailingId, Instant> lastNotified = new HashMap<>();
    private final Map<MailingId, Instant> pendingSince = new HashMap<>();
    private final Map<MailingId, String> failures = new HashMap<>();

    @Override
    public synchronized void register(Mailing mailing) {
        put(mailing);
    }

    @Override
    public synchronized BulkRegistration registerAll(List<Mailing> mailings) {
        var written = new HashSet<MailingId>();
        var unchanged = new HashSet<MailingId>();
        var failed = new HashMap<MailingId, String>();
        var seen = new HashSet<MailingId>();
        for (Mailing mailing : mailings) {
            // DynamoDB refuses a batch that names a key twice.
            if (!seen.add(mailing.id())) {
                throw new IllegalArgumentException("Mailing ID twice in one batch: " + mailing.id());
            }
            String failure = failures.remove(mailing.id());
            if (failure != null) {
                failed.put(mailing.id(), failure);
            } else if (mailing.registration().equals(registered.get(mailing.id()))) {
                unchanged.add(mailing.id());
            } else {
                put(mailing);
                written.add(mailing.id());
            }
        }
        return new BulkRegistration(written, unchanged, failed);
    }

    /** The next bulk registration of this mailing fails, as a store that refuses the write would. */
    public synchronized void failNextRegistration(MailingId id, String reason) {
        failures.put(id, reason);
    }

    /** Every registered mailing, with its counters. */
    public synchronized List<Mailing> all() {
        return registered.values().stream().map(this::withCounters).toList();
    }

    @Override
    public synchronized Optional<Mailing> find(MailingId id) {
        return Optional.ofNullable(registered.get(id)).map(this::withCounters);
    }

    @Override
    public synchronized List<Mailing> sentBy(AccountId accountId, Instant since) {
        return byAccount.getOrDefault(accountId, Set.of()).stream()
                .map(registered::get)
                .filter(m -> !m.sentAt().isBefore(since))
                .map(this::withCounters)
                .toList();
    }

    /** What the ledger's transaction adds to a mailing. */
    public synchronized void count(MailingId id, boolean verified) {
        var c = counters.computeIfAbsent(id, k -> new long[2]);
        c[0]++;
        if (verified) {
            c[1]++;
        }
    }

    public synchronized long complaints(MailingId id) {
        return counters.getOrDefault(id, new long[2])[0];
    }

    @Override
    public synchronized boolean claim(MailingId mailingId, Instant now, Duration window) {
        var last = lastNotified.get(mailingId);
        if (last != null && last.isAfter(now.minus(window))) {
            return false;
        }
        lastNotified.put(mailingId, now);
        return true;
    }

    @Override
    public synchronized void claimNow(MailingId mailingId, Instant now) {
        lastNotified.put(mailingId, now);
    }

    @Override
    public synchronized void markPending(MailingId mailingId, Instant since) {
        pendingSince.putIfAbsent(mailingId, since);
    }

    @Override
    public synchronized void clearPending(MailingId mailingId) {
        pendingSince.remove(mailingId);
    }

    @Override
    public synchronized List<MailingId> due(Instant now, Duration window) {
        return pendingSince.keySet().stream()
                .filter(id -> lastNotified.getOrDefault(id, Instant.MIN).compareTo(now.minus(window)) <= 0)
                .toList();
    }

    public synchronized boolean isPending(MailingId mailingId) {
        return pendingSince.containsKey(mailingId);
    }

    private void put(Mailing mailing) {
        var before = registered.put(mailing.id(), mailing.registration());
        if (before != null) {
            byAccount.get(before.accountId()).remove(mailing.id());
        }
        byAccount
                .computeIfAbsent(mailing.accountId(), a -> new LinkedHashSet<>())
                .add(mailing.id());
    }

    private Mailing withCounters(Mailing m) {
        var c = counters.getOrDefault(m.id(), new long[2]);
        return new Mailing(
                m.id(),
                m.accountId(),
                m.recipients(),
                m.sentAt(),
                m.subject(),
                m.sender(),
                m.optInEvidence(),
                c[0],
                c[1]);
    }
}
