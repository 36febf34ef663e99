package org.abusedesk.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountContacts;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.outgoing.CustomerMailComposer;
import org.abusedesk.outgoing.CustomerMailComposer.FollowUp;
import org.abusedesk.outgoing.CustomerMailComposer.FollowUpView;
import org.abusedesk.outgoing.LetterFormat;
import org.abusedesk.outgoing.Mailer;
import org.abusedesk.people.Actor;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.thread.CaseThreads;
import org.abusedesk.thread.ReplyAddress;
import org.abusedesk.thread.ThreadEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's follow-up to the sending customer of a case: a template, or their own words, to the account's contact
 * only, recorded in the thread with the person. The case then waits for the customer until the date it names.
 */
public final class SendFollowUp {

    public static final int MAX_TEXT_CHARS = 5_000;
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(SendFollowUp.class);

    private final CaseFiles files;
    private final CaseThreads threads;
    private final AccountContacts contacts;
    private final CustomerMailComposer composer;
    private final ReplyAddress replies;
    private final Mailer mailer;
    private final Clock clock;

    public SendFollowUp(
            CaseFiles files,
            CaseThreads threads,
            AccountContacts contacts,
            CustomerMailComposer composer,
            ReplyAddress replies,
            Mailer mailer,
            Clock clock) {
        this.files = Objects.requireNonNull(files, "files == null");
        this.threads = Objects.requireNonNull(threads, "threads == null");
        this.contacts = Objects.requireNonNull(contacts, "contacts == null");
        this.composer = Objects.requireNonNull(composer, "composer == null");
        this.replies = Objects.requireNonNull(replies, "replies == null");
        this.mailer = Objects.requireNonNull(mailer, "mailer == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Sends the follow-up and records it.
     *
     * @param text the person's words, for {@link FollowUp#FREE_TEXT}; ignored for a template
     * @throws CaseNotFoundException when there is no such case
     * @throws CaseStateException when the case is not NOTIFIED or WAITING_FOR_CUSTOMER
     * @throws CaseActionRefusedException when the case's account has no contact
     * @throws IllegalArgumentException when a free text is blank or too long, or the days out of range
     */
    public ThreadEntry send(ComplaintKey key, Actor actor, FollowUp kind, String text, int answerWithinDays) {
        Objects.requireNonNull(actor, "actor == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(text, "text == null");
        if (kind == FollowUp.FREE_TEXT && (text.isBlank() || text.length() > MAX_TEXT_CHARS)) {
            throw new IllegalArgumentException("text must be 1 to " + MAX_TEXT_CHARS + " characters");
        }
        if (answerWithinDays < MIN_DAYS || answerWithinDays > MAX_DAYS) {
            throw new IllegalArgumentException("days must be " + MIN_DAYS + " to " + MAX_DAYS);
        }
        var now = clock.instant();
        var file = files.find(key, now).orElseThrow(() -> new CaseNotFoundException(key));
        var state = file.state();
        if (state != ComplaintState.NOTIFIED && state != ComplaintState.WAITING_FOR_CUSTOMER) {
            throw new CaseStateException(key, state, "only a NOTIFIED or WAITING_FOR_CUSTOMER case can be followed up");
        }
        var account = file.account().orElseThrow(() -> new CaseActionRefusedException(key, "no account counted"));
        var contact = contacts.find(account)
                .orElseThrow(() -> new CaseActionRefusedException(key, "account " + account + " has no contact"));
        var due = now.plus(Duration.ofDays(answerWithinDays));
        var entryId = Randomness.ulidAt(now).toString();
        var view = new FollowUpView(
                contact.language(),
                kind,
                contact.name(),
                key.mailingId().value(),
                key.complaintId().value(),
                kind == FollowUp.FREE_TEXT ? text.strip() : "",
                LetterFormat.date(due, contact.language()));
        var written = composer.followUp(contact.email(), replies.of(entryId), view);
        mailer.send(written.mail());
        var entry = new ThreadEntry(
                entryId,
                key,
                ThreadEntry.Kind.FOLLOW_UP,
                now,
                Optional.of(actor),
                contact.email(),
                written.subject(),
                written.text(),
                Optional.of(due),
                Optional.empty(),
                false);
        threads.add(entry, file.complaint().expiresAt());
        files.await(key, state, due);
        LOG.info("follow-up sent: mailingId={} complaintId={} kind={}", key.mailingId(), key.complaintId(), kind);
        return entry;
    }
}
