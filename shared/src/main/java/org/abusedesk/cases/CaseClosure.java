package org.abusedesk.cases;

import java.time.Instant;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.people.Actor;

/**
 * How a person of the abuse team closed a case: resolved it or dismissed it, who, when, and their note.
 *
 * @param actor who closed it: the subject, which the CaseClosed event carries, and the name the history shows
 * @param note the abuse team's own text: it may name people, so it stays off logs and is removed on erasure
 */
public record CaseClosure(ComplaintState outcome, Actor actor, Instant at, String note) {

    public static final int MAX_NOTE_CHARS = 5_000;

    public CaseClosure {
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(actor, "actor == null");
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(note, "note == null");
        if (outcome != ComplaintState.RESOLVED && outcome != ComplaintState.DISMISSED) {
            throw new IllegalArgumentException("a case closes as RESOLVED or DISMISSED, not " + outcome);
        }
        if (note.length() > MAX_NOTE_CHARS) {
            throw new IllegalArgumentException("note longer than " + MAX_NOTE_CHARS + " characters");
        }
    }

    @Override
    public String toString() {
        return "CaseClosure[" + outcome + ", " + at + "]";
    }
}
