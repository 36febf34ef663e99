package org.abusedesk.cases;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.evidence.EvidencePlatform;
import org.abusedesk.evidence.EvidenceRequest;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.evidence.OptInEvidenceRecords;
import org.abusedesk.suppression.AddressHash;

/**
 * Asks the platform for the opt-in record of a counted complaint's recipient and keeps the answer with the case. It
 * runs apart from counting and from the team's mail, after the complaint was counted, so that a slow or absent
 * endpoint holds up neither.
 */
public final class FetchOptInEvidence {

    /** Whether the question is done with. */
    public enum Outcome {
        /** A settled answer is kept with the case. */
        SETTLED,
        /** The answer was none, an error or malformed, and is kept as such: ask again after a backoff. */
        RETRY,
        /** Nothing to ask: no such case, erased, no account, or settled before. */
        SKIPPED
    }

    /** What one attempt did, in words that name no person. */
    public record Result(Outcome outcome, Optional<OptInEvidence.Status> status, String reason) {}

    private final CaseFiles files;
    private final OptInEvidenceRecords records;
    private final EvidencePlatform platform;
    private final boolean sendAddress;
    private final Clock clock;

    /** @param sendAddress whether the request carries the address beside its hash, for platforms that need it */
    public FetchOptInEvidence(
            CaseFiles files,
            OptInEvidenceRecords records,
            EvidencePlatform platform,
            boolean sendAddress,
            Clock clock) {
        this.files = Objects.requireNonNull(files, "files == null");
        this.records = Objects.requireNonNull(records, "records == null");
        this.platform = Objects.requireNonNull(platform, "platform == null");
        this.sendAddress = sendAddress;
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** One attempt, the {@code attempt}-th (from 1), for the complaint under this key. */
    public Result fetch(ComplaintKey key, int attempt) throws InterruptedException {
        var found = files.find(key, clock.instant());
        if (found.isEmpty()) {
            return skipped("no such case, or its personal data expired");
        }
        var file = found.get();
        if (file.erasedAt().isPresent()) {
            return skipped("complainant erased");
        }
        if (file.optInEvidence().filter(e -> e.status().settled()).isPresent()) {
            return skipped("answered before");
        }
        if (file.account().isEmpty()) {
            return skipped("counted against no account");
        }
        String address = file.complaint().complainant().email().strip();
        Optional<AddressHash> hash = Optional.empty();
        if (!address.isEmpty()) {
            try {
                hash = Optional.of(AddressHash.of(address));
            } catch (IllegalArgumentException e) {
                // A domain IDNA refuses: nobody could match it, so there is nothing to ask.
            }
        }
        OptInEvidence.Answer answer = hash.isEmpty()
                ? OptInEvidence.Answer.of(OptInEvidence.Status.NO_RECIPIENT, "no recipient address to ask about")
                : platform.ask(new EvidenceRequest(
                        file.account().get(), key, hash.get(), sendAddress ? Optional.of(address) : Optional.empty()));
        var evidence = new OptInEvidence(answer.status(), answer.record(), attempt, clock.instant(), answer.reason());
        if (!records.record(key, evidence)) {
            return skipped("erased, gone or answered meanwhile");
        }
        var outcome = answer.status().settled() ? Outcome.SETTLED : Outcome.RETRY;
        return new Result(outcome, Optional.of(answer.status()), answer.reason());
    }

    private static Result skipped(String reason) {
        return new Result(Outcome.SKIPPED, Optional.empty(), reason);
    }
}
