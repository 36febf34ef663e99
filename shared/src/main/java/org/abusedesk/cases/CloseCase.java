package org.abusedesk.cases;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.people.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves or dismisses a case on behalf of a person of the abuse team, with their note. Conditional on the state
 * the case was read in: when someone else closed it in between, this one is refused, never written over.
 */
public final class CloseCase {

    private static final Logger LOG = LoggerFactory.getLogger(CloseCase.class);

    private final CaseFiles files;
    private final Clock clock;

    public CloseCase(CaseFiles files, Clock clock) {
        this.files = Objects.requireNonNull(files, "files == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Marks a NOTIFIED case RESOLVED.
     *
     * @throws CaseNotFoundException when there is no such case
     * @throws CaseStateException when it is not NOTIFIED
     * @throws IllegalArgumentException when the note is blank or too long
     */
    public CaseFile resolve(ComplaintKey key, Actor actor, String note) {
        return close(key, ClosingRule.RESOLVE, actor, note);
    }

    /**
     * Marks a NOTIFIED case, or a RECEIVED mail that is no complaint, DISMISSED.
     *
     * @throws CaseNotFoundException when there is no such case
     * @throws CaseStateException when it is in any other state
     * @throws IllegalArgumentException when the note is blank or too long
     */
    public CaseFile dismiss(ComplaintKey key, Actor actor, String note) {
        return close(key, ClosingRule.DISMISS, actor, note);
    }

    private CaseFile close(ComplaintKey key, ClosingRule rule, Actor actor, String note) {
        Objects.requireNonNull(actor, "actor == null");
        Objects.requireNonNull(note, "note == null");
        if (note.isBlank()) {
            throw new IllegalArgumentException("note is blank");
        }
        var now = clock.instant();
        var closure = new CaseClosure(rule.outcome(), actor, now, note.strip());
        var file = files.find(key, now).orElseThrow(() -> new CaseNotFoundException(key));
        if (!rule.allows(file.state(), file.complaint().classification())) {
            throw new CaseStateException(key, file.state(), rule.rule());
        }
        if (!files.close(key, file.state(), closure)) {
            // Someone closed it, or the desk moved it on, since it was read.
            var current = files.find(key, now).orElseThrow(() -> new CaseNotFoundException(key));
            throw new CaseStateException(key, current.state(), rule.rule());
        }
        // The note and the actor stay off the log: the note is the team's own text and may name people.
        LOG.info(
                "case closed: mailingId={} complaintId={} outcome={}",
                key.mailingId(),
                key.complaintId(),
                rule.outcome());
        return new CaseFile(
                file.complaint().withState(rule.outcome()),
                file.account(),
                file.acknowledgedAt(),
                Optional.of(closure),
                file.erasedAt(),
                file.optInEvidence());
    }
}
