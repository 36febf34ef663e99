package org.abusedesk.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.evidence.OptInEvidenceRecords;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.suppression.AddressHash;

/**
 * Cases over the in-memory complaints table, with the conditions and the listing order of the DynamoDB adapters.
 * What counting writes on a complaint item (its account) is given by {@link #attribute}.
 */
public final class InMemoryCases implements CaseListings, CaseFiles, ComplainantRecords, OptInEvidenceRecords {

    private final InMemoryComplaints complaints;
    private final Map<ComplaintKey, AccountId> accounts = new HashMap<>();
    private final Map<ComplaintKey, Instant> acknowledged = new HashMap<>();
    private final Map<ComplaintKey, CaseClosure> closures = new HashMap<>();
    private final Map<ComplaintKey, Instant> erased = new HashMap<>();
    private final Map<ComplaintKey, OptInEvidence> evidence = new HashMap<>();
    private final Map<ComplaintKey, Instant> due = new HashMap<>();
    private final Map<ComplaintKey, Instant> outcomeTold = new HashMap<>();

    public InMemoryCases(InMemoryComplaints complaints) {
        this.complaints = complaints;
    }

    /** What counting writes: the account a complaint was counted against. */
    public synchronized void attribute(ComplaintKey key, AccountId account) {
        accounts.put(key, account);
    }

    /** What recording an acknowledgement writes. */
    public synchronized void acknowledged(ComplaintKey key, Instant at) {
        acknowledged.put(key, at);
    }

    @Override
    public synchronized Page<CaseSummary> ofMailing(
            MailingId mailingId, TimeRange range, PageRequest page, Instant now) {
        return page(
                "mailing:" + mailingId + range.label(),
                listed(range, now, c -> c.mailingId().equals(mailingId), Comparator.comparing(this::id)),
                page);
    }

    @Override
    public synchronized Page<CaseSummary> ofAccount(
            AccountId accountId, TimeRange range, PageRequest page, Instant now) {
        return page(
                "account:" + accountId + range.label(),
                listed(range, now, c -> accountId.equals(accounts.get(c.key())), Comparator.comparing(this::id)),
                page);
    }

    @Override
    public synchronized Page<CaseSummary> inState(
            ComplaintState state, TimeRange range, PageRequest page, Instant now) {
        return page(
                "state:" + state + range.label(),
                listed(range, now, c -> c.state() == state, Comparator.comparing(this::id)),
                page);
    }

    @Override
    public synchronized Page<CaseSummary> openFirst(TimeRange range, PageRequest page, Instant now) {
        var order = CaseListings.openFirstOrder();
        return page(
                "open-first" + range.label(),
                listed(
                        range,
                        now,
                        c -> true,
                        Comparator.comparing((Complaint c) -> order.indexOf(c.state()))
                                .thenComparing(this::id)),
                page);
    }

    @Override
    public synchronized Optional<CaseFile> find(ComplaintKey key, Instant now) {
        return complaints.find(key, now).map(this::file);
    }

    @Override
    public boolean close(ComplaintKey key, ComplaintState from, CaseClosure closure) {
        synchronized (complaints) {
            if (!complaints.advance(key, from, closure.outcome())) {
                return false;
            }
            synchronized (this) {
                closures.put(key, closure);
            }
            return true;
        }
    }

    @Override
    public synchronized List<CaseFile> ofComplainant(AddressHash address) {
        return complaints.all().stream()
                .filter(c -> !erased.containsKey(c.key()))
                .filter(c ->
                        hash(c.complainant().email()).filter(address::equals).isPresent())
                .map(this::file)
                .toList();
    }

    @Override
    public synchronized List<ComplaintKey> ofReceipt(String receiptId) {
        return complaints.all().stream()
                .filter(c -> c.attribution()
                        .provenance()
                        .filter(p -> p.receiptId().equals(receiptId))
                        .isPresent())
                .map(Complaint::key)
                .toList();
    }

    @Override
    public synchronized void erase(ComplaintKey key, Instant at) {
        var found = complaints.all().stream().filter(c -> c.key().equals(key)).findFirst();
        if (found.isEmpty()) {
            return;
        }
        var c = found.get();
        var attribution = c.attribution();
        complaints.replace(new Complaint(
                c.key(),
                c.channel(),
                c.classification(),
                c.state(),
                c.receivedAt(),
                new Complainant(
                        "", Optional.empty(), Salutation.NONE, c.complainant().language()),
                "",
                new Attribution(
                        attribution.claimedAccountId(),
                        attribution.accountSigned(),
                        attribution.verification(),
                        attribution.provenance().map(InMemoryCases::withoutEvidence)),
                c.expiresAt()));
        closures.computeIfPresent(
                key, (k, closure) -> new CaseClosure(closure.outcome(), closure.actor(), closure.at(), ""));
        evidence.remove(key);
        erased.put(key, at);
    }

    @Override
    public synchronized boolean record(ComplaintKey key, OptInEvidence answer) {
        boolean exists = complaints.all().stream().anyMatch(c -> c.key().equals(key));
        var before = evidence.get(key);
        if (!exists
                || erased.containsKey(key)
                || (!answer.status().settled()
                        && before != null
                        && before.status().settled())) {
            return false;
        }
        evidence.put(key, answer);
        return true;
    }

    private CaseFile file(Complaint complaint) {
        var key = complaint.key();
        return new CaseFile(
                complaint,
                Optional.ofNullable(accounts.get(key)),
                Optional.ofNullable(acknowledged.get(key)),
                Optional.ofNullable(closures.get(key)),
                Optional.ofNullable(erased.get(key)),
                Optional.ofNullable(evidence.get(key)),
                Optional.ofNullable(due.get(key)),
                Optional.ofNullable(outcomeTold.get(key)));
    }

    @Override
    public boolean await(ComplaintKey key, ComplaintState from, Instant dueAt) {
        synchronized (complaints) {
            if (!complaints.advance(key, from, ComplaintState.WAITING_FOR_CUSTOMER)) {
                return false;
            }
            synchronized (this) {
                due.put(key, dueAt);
            }
            return true;
        }
    }

    @Override
    public boolean answered(ComplaintKey key) {
        synchronized (complaints) {
            if (!complaints.advance(key, ComplaintState.WAITING_FOR_CUSTOMER, ComplaintState.NOTIFIED)) {
                return false;
            }
            synchronized (this) {
                due.remove(key);
            }
            return true;
        }
    }

    @Override
    public synchronized boolean markOutcomeTold(ComplaintKey key, Instant at) {
        if (outcomeTold.containsKey(key)
                || erased.containsKey(key)
                || complaints.find(key, Instant.MIN).isEmpty()) {
            return false;
        }
        outcomeTold.put(key, at);
        return true;
    }

    private List<CaseSummary> listed(
            TimeRange range, Instant now, Predicate<Complaint> filter, Comparator<Complaint> order) {
        return complaints.all().stream()
                .filter(c -> c.readableAt(now) && range.contains(c.id()))
                .filter(filter)
                .sorted(order)
                .map(c -> file(c).summary())
                .toList();
    }

    /** Cursors name the listing and the position after the page: opaque, and refused for another listing. */
    private static Page<CaseSummary> page(String listing, List<CaseSummary> all, PageRequest page) {
        int from = page.cursor().map(cursor -> position(listing, cursor)).orElse(0);
        int to = Math.min(all.size(), from + page.limit());
        var next = to < all.size()
                ? Optional.of(Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((listing + "|" + to).getBytes(StandardCharsets.UTF_8)))
                : Optional.<String>empty();
        return new Page<>(all.subList(Math.min(from, all.size()), to), next);
    }

    private static int position(String listing, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(listing + "|")) {
                throw new InvalidCursorException("not one of this listing");
            }
            return Integer.parseInt(text.substring(listing.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not readable");
        }
    }

    private String id(Complaint complaint) {
        return complaint.id().value();
    }

    private static Optional<AddressHash> hash(String email) {
        if (email.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AddressHash.of(email));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static MailProvenance withoutEvidence(MailProvenance p) {
        return new MailProvenance(
                p.receiptId(),
                p.part(),
                p.format(),
                p.mailingIdSource(),
                p.candidates(),
                p.conflict(),
                p.truncated(),
                Optional.empty(),
                p.dkim(),
                p.signature(),
                p.verdicts(),
                p.quarantined());
    }
}
