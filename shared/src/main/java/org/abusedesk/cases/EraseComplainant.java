package org.abusedesk.cases;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppressions;
import org.abusedesk.thread.CaseThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a complainant's personal data on request (GDPR Art. 17), found by the hash of the address.
 *
 * <p>Every complaint of the address loses address, name, salutation, message and closing note, and is marked
 * erased; its keys, state, classification, provenance and the counts it made stay. The raw mail it came in is
 * deleted, unless a complaint of someone else still needs it. The accounts' suppressions stay: they hold only the
 * hash, and keep the person from being mailed again.
 *
 * <p>Stored mail is deleted before the complaints are erased: a run that stops half-way leaves the complaints
 * findable, and running it again finishes the work.
 */
public final class EraseComplainant {

    private static final Logger LOG = LoggerFactory.getLogger(EraseComplainant.class);

    private final ComplainantRecords records;
    private final CaseFiles files;
    private final StoredEvidence evidence;
    private final Suppressions suppressions;
    private final Clock clock;
    private final Optional<CaseThreads> threads;

    public EraseComplainant(
            ComplainantRecords records,
            CaseFiles files,
            StoredEvidence evidence,
            Suppressions suppressions,
            Clock clock) {
        this(records, files, evidence, suppressions, clock, Optional.empty());
    }

    /** An erasure that also removes the words and addresses of the cases' threads. */
    public EraseComplainant(
            ComplainantRecords records,
            CaseFiles files,
            StoredEvidence evidence,
            Suppressions suppressions,
            Clock clock,
            CaseThreads threads) {
        this(records, files, evidence, suppressions, clock, Optional.of(threads));
    }

    private EraseComplainant(
            ComplainantRecords records,
            CaseFiles files,
            StoredEvidence evidence,
            Suppressions suppressions,
            Clock clock,
            Optional<CaseThreads> threads) {
        this.threads = Objects.requireNonNull(threads, "threads == null");
        this.records = Objects.requireNonNull(records, "records == null");
        this.files = Objects.requireNonNull(files, "files == null");
        this.evidence = Objects.requireNonNull(evidence, "evidence == null");
        this.suppressions = Objects.requireNonNull(suppressions, "suppressions == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** @throws IllegalArgumentException when the address is blank or its domain cannot be read */
    public ErasureReport erase(String address) {
        Objects.requireNonNull(address, "address == null");
        if (address.isBlank()) {
            throw new IllegalArgumentException("address is blank");
        }
        var hash = AddressHash.of(address);
        var now = clock.instant();
        var found = records.ofComplainant(hash);
        Set<ComplaintKey> erasing = new HashSet<>();
        found.forEach(file -> erasing.add(file.complaint().key()));

        // One stored mail per receipt id, whichever of its complaints points at it.
        var mails = new LinkedHashMap<String, String>();
        for (var file : found) {
            file.complaint()
                    .attribution()
                    .provenance()
                    .filter(p -> p.evidence().isPresent())
                    .ifPresent(p -> mails.putIfAbsent(p.evidence().get(), p.receiptId()));
        }
        int deleted = 0;
        int kept = 0;
        for (var mail : mails.entrySet()) {
            if (neededByOthers(mail.getValue(), erasing)) {
                kept++;
            } else {
                evidence.delete(mail.getKey());
                deleted++;
            }
        }

        // The thread first: the case's own erasure removes what finds it again, should this run stop in between.
        threads.ifPresent(t -> found.forEach(file -> t.erase(file.complaint().key())));
        found.forEach(file -> records.erase(file.complaint().key(), now));

        Set<AccountId> accounts = new HashSet<>();
        found.forEach(file -> file.account().ifPresent(accounts::add));
        int suppressed = (int) accounts.stream()
                .filter(account -> suppressions.find(account, hash).isPresent())
                .count();

        var report = new ErasureReport(
                found.stream().map(file -> file.complaint().key()).toList(), deleted, kept, suppressed);
        LOG.info(
                "complainant erased: complaints={} rawMailsDeleted={} rawMailsKept={} suppressionsKept={}",
                report.complaintsErased(),
                deleted,
                kept,
                suppressed);
        return report;
    }

    /** Whether a complaint not being erased, and not erased before, came from the same stored mail. */
    private boolean neededByOthers(String receiptId, Set<ComplaintKey> erasing) {
        var now = clock.instant();
        return records.ofReceipt(receiptId).stream()
                .filter(key -> !erasing.contains(key))
                .anyMatch(key -> files.find(key, now)
                        .filter(other -> other.erasedAt().isEmpty())
                        .flatMap(other -> other.complaint().attribution().provenance())
                        .flatMap(MailProvenance::evidence)
                        .isPresent());
    }
}
