package org.abusedesk.cases;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.outgoing.CustomerMailComposer;
import org.abusedesk.outgoing.CustomerMailComposer.Outcome;
import org.abusedesk.outgoing.CustomerMailComposer.OutcomeView;
import org.abusedesk.outgoing.Mailer;
import org.abusedesk.people.Actor;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.thread.CaseThreads;
import org.abusedesk.thread.ThreadEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the complainant the outcome of a closed case, from the desk's templates only: once, and only to a
 * complainant the desk acknowledged, so that it writes to nobody who was not written to before. The customer's words
 * never go to the complainant.
 */
public final class TellOutcome {

    private static final Logger LOG = LoggerFactory.getLogger(TellOutcome.class);

    private final CaseFiles files;
    private final CaseThreads threads;
    private final CustomerMailComposer composer;
    private final Mailer mailer;
    private final Clock clock;

    public TellOutcome(
            CaseFiles files, CaseThreads threads, CustomerMailComposer composer, Mailer mailer, Clock clock) {
        this.files = Objects.requireNonNull(files, "files == null");
        this.threads = Objects.requireNonNull(threads, "threads == null");
        this.composer = Objects.requireNonNull(composer, "composer == null");
        this.mailer = Objects.requireNonNull(mailer, "mailer == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Sends the outcome and records it in the thread.
     *
     * @throws CaseNotFoundException when there is no such case
     * @throws CaseStateException when the case is still open
     * @throws CaseActionRefusedException when the complainant was never acknowledged, was erased, or was told before
     */
    public ThreadEntry tell(ComplaintKey key, Actor actor, Outcome outcome) {
        Objects.requireNonNull(actor, "actor == null");
        Objects.requireNonNull(outcome, "outcome == null");
        var now = clock.instant();
        var file = files.find(key, now).orElseThrow(() -> new CaseNotFoundException(key));
        if (file.state().open()) {
            throw new CaseStateException(key, file.state(), "only a closed case has an outcome to tell");
        }
        if (file.acknowledgedAt().isEmpty() || file.erasedAt().isPresent()) {
            throw new CaseActionRefusedException(key, "the complainant was not acknowledged, so is not written to");
        }
        if (file.outcomeToldAt().isPresent() || !files.markOutcomeTold(key, now)) {
            throw new CaseActionRefusedException(key, "the complainant was told the outcome before");
        }
        var complainant = file.complaint().complainant();
        var written = composer.outcome(
                complainant.email(),
                new OutcomeView(
                        complainant.language(),
                        outcome,
                        key.complaintId().value(),
                        key.mailingId().value()));
        // Marked before it is sent: a crash in between loses one mail, but nobody gets two.
        try {
            mailer.send(written.mail());
        } catch (RuntimeException e) {
            LOG.warn("outcome not sent: mailingId={} complaintId={}", key.mailingId(), key.complaintId(), e);
            throw new CaseActionRefusedException(key, "the outcome mail could not be sent, and is not sent again");
        }
        var entry = new ThreadEntry(
                Randomness.ulidAt(now).toString(),
                key,
                ThreadEntry.Kind.OUTCOME,
                now,
                Optional.of(actor),
                complainant.email(),
                written.subject(),
                written.text(),
                Optional.empty(),
                Optional.empty(),
                false);
        threads.add(entry, file.complaint().expiresAt());
        LOG.info("outcome told: mailingId={} complaintId={} outcome={}", key.mailingId(), key.complaintId(), outcome);
        return entry;
    }
}
