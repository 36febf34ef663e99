package org.abusedesk.console.pages;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.ClosingRule;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.inbound.MailHeaders;
import org.abusedesk.outgoing.CustomerMailComposer.FollowUp;
import org.abusedesk.outgoing.CustomerMailComposer.Outcome;

/**
 * One case as its page shows it: the file, the reported message read again from the stored mail, the thread with
 * the sending customer, and which of the team's actions are open to the person.
 *
 * @param reported the reported message, when its mail is stored and could be read
 * @param rawAvailable whether the raw mail may be downloaded: stored, not erased, no virus found in it
 * @param thread the thread's entries and the opt-in evidence, oldest first
 * @param formError the error of the form that came back, and what was typed in it; empty on a plain visit
 * @param notice a message above the page, e.g. that the complainant could not be told the outcome; empty on most
 * @param answerDays the days a follow-up gives the customer, unless the person changes them
 * @param now when the page is shown: whether a waiting case is overdue
 */
public record CasePageView(
        Frame f,
        CaseFile file,
        Optional<Reported> reported,
        boolean rawAvailable,
        List<ThreadItem> thread,
        Optional<FormError> formError,
        Optional<String> notice,
        int answerDays,
        Instant now) {

    /** The reported message's header fields (its own, else pasted, else a forward's block) and its text. */
    public record Reported(String origin, List<MailHeaders.Field> headers, String text) {

        public Reported {
            Objects.requireNonNull(origin, "origin == null");
            headers = List.copyOf(headers);
            Objects.requireNonNull(text, "text == null");
        }
    }

    /**
     * One line of the thread as the page shows it.
     *
     * @param kind the entry's kind, or {@code OPT_IN} for the platform's answer about the recipient's opt-in
     * @param who who wrote or sent it, in words: the desk, the person, or the customer's address
     * @param to the address it went to, for what went to the customer; empty otherwise
     * @param internal whether only the abuse team sees it: a note
     */
    public record ThreadItem(
            String kind,
            Instant at,
            String who,
            Optional<String> to,
            String subject,
            String text,
            Optional<Instant> dueAt,
            boolean automatic,
            boolean internal) {

        public ThreadItem {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(at, "at == null");
            Objects.requireNonNull(who, "who == null");
            Objects.requireNonNull(to, "to == null");
            Objects.requireNonNull(subject, "subject == null");
            Objects.requireNonNull(text, "text == null");
            Objects.requireNonNull(dueAt, "dueAt == null");
        }
    }

    /**
     * Which form ({@code resolve}, {@code dismiss}, {@code followup}, {@code note}) came back, the field at fault
     * with its message, and what was typed in the form's fields, to show them again.
     */
    public record FormError(String form, String field, String message, Map<String, String> typed) {

        public FormError {
            Objects.requireNonNull(form, "form == null");
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(message, "message == null");
            typed = Map.copyOf(typed);
        }
    }

    public CasePageView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(reported, "reported == null");
        thread = List.copyOf(thread);
        Objects.requireNonNull(formError, "formError == null");
        Objects.requireNonNull(notice, "notice == null");
        Objects.requireNonNull(now, "now == null");
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

    /** A follow-up goes to the customer of a case the team was told of, or that waits for the customer already. */
    public boolean canFollowUp() {
        var state = file.state();
        return f.canWrite() && (state == ComplaintState.NOTIFIED || state == ComplaintState.WAITING_FOR_CUSTOMER);
    }

    public boolean canNote() {
        return f.canWrite();
    }

    /** The complainant is told the outcome only when acknowledged before, and once. */
    public boolean canTellOutcome() {
        return file.acknowledgedAt().isPresent()
                && file.outcomeToldAt().isEmpty()
                && file.erasedAt().isEmpty();
    }

    public boolean overdue() {
        return file.overdueAt(now);
    }

    public List<FollowUp> followUps() {
        return List.of(FollowUp.values());
    }

    public List<Outcome> outcomes() {
        return List.of(Outcome.values());
    }

    public boolean erased() {
        return file.erasedAt().isPresent();
    }

    /** The message of the form's error at its note field, else null (no error shown). */
    public String error(String form) {
        return error(form, "note");
    }

    /** The message of the form's error at this field, else null (no error shown). */
    public String error(String form, String field) {
        return formError
                .filter(e -> e.form().equals(form) && e.field().equals(field))
                .map(FormError::message)
                .orElse(null);
    }

    /** What was typed in the form's note field when it came back; empty on a plain visit. */
    public String note(String form) {
        return typed(form, "note", "");
    }

    /** What was typed in the form's field when it came back, else the field's default. */
    public String typed(String form, String field, String otherwise) {
        return formError
                .filter(e -> e.form().equals(form))
                .map(e -> e.typed().getOrDefault(field, otherwise))
                .orElse(otherwise);
    }

    /** Whether the option was chosen in the form that came back, else whether it is the default. */
    public boolean chosen(String form, String field, String option, String otherwise) {
        return typed(form, field, otherwise).equals(option);
    }

    private boolean allows(ClosingRule rule) {
        return rule.allows(file.state(), file.complaint().classification());
    }
}
