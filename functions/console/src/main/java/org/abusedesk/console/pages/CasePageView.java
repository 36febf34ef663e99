package org.abusedesk.console.pages;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.ClosingRule;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.inbound.MailHeaders;

/**
 * One case as its page shows it: the file, the reported message read again from the stored mail, and which of the
 * team's actions are open to the person.
 *
 * @param reported the reported message, when its mail is stored and could be read
 * @param rawAvailable whether the raw mail may be downloaded: stored, not erased, no virus found in it
 * @param noteError the error of the closing form that came back, and its message; empty on a plain visit
 */
public record CasePageView(
        Frame f, CaseFile file, Optional<Reported> reported, boolean rawAvailable, Optional<NoteError> noteError) {

    /** The reported message's header fields (its own, else pasted, else a forward's block) and its text. */
    public record Reported(String origin, List<MailHeaders.Field> headers, String text) {

        public Reported {
            Objects.requireNonNull(origin, "origin == null");
            headers = List.copyOf(headers);
            Objects.requireNonNull(text, "text == null");
        }
    }

    /** Which closing form ({@code resolve} or {@code dismiss}) came back, with what message, and the note typed. */
    public record NoteError(String action, String message, String note) {}

    public CasePageView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(reported, "reported == null");
        Objects.requireNonNull(noteError, "noteError == null");
    }

    public ComplaintKey key() {
        return file.complaint().key();
    }

    /** The closing forms are offered only to a person who may write, and only where the desk's rule allows. */
    public boolean canResolve() {
        return f.canWrite() && allows(ClosingRule.RESOLVE);
    }

    public boolean canDismiss() {
        return f.canWrite() && allows(ClosingRule.DISMISS);
    }

    public boolean erased() {
        return file.erasedAt().isPresent();
    }

    public String error(String action) {
        return noteError
                .filter(e -> e.action().equals(action))
                .map(NoteError::message)
                .orElse(null);
    }

    public String note(String action) {
        return noteError
                .filter(e -> e.action().equals(action))
                .map(NoteError::note)
                .orElse("");
    }

    private boolean allows(ClosingRule rule) {
        return rule.allows(file.state(), file.complaint().classification());
    }
}
