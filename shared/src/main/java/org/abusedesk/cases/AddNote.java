package org.abusedesk.cases;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.people.Actor;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.thread.CaseThreads;
import org.abusedesk.thread.ThreadEntry;

/** A note of the abuse team in a case's thread: for the team only, never sent. */
public final class AddNote {

    public static final int MAX_TEXT_CHARS = 5_000;

    private final CaseFiles files;
    private final CaseThreads threads;
    private final Clock clock;

    public AddNote(CaseFiles files, CaseThreads threads, Clock clock) {
        this.files = Objects.requireNonNull(files, "files == null");
        this.threads = Objects.requireNonNull(threads, "threads == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * @throws CaseNotFoundException when there is no such case
     * @throws IllegalArgumentException when the text is blank or too long
     */
    public ThreadEntry add(ComplaintKey key, Actor actor, String text) {
        Objects.requireNonNull(actor, "actor == null");
        Objects.requireNonNull(text, "text == null");
        if (text.isBlank() || text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("note must be 1 to " + MAX_TEXT_CHARS + " characters");
        }
        var now = clock.instant();
        var file = files.find(key, now).orElseThrow(() -> new CaseNotFoundException(key));
        var entry = new ThreadEntry(
                Randomness.ulidAt(now).toString(),
                key,
                ThreadEntry.Kind.NOTE,
                now,
                Optional.of(actor),
                "",
                "",
                text.strip(),
                Optional.empty(),
                Optional.empty(),
                false);
        threads.add(entry, file.complaint().expiresAt());
        return entry;
    }
}
