package org.abusedesk.conversation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountContacts;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.Accounts;
import org.abusedesk.account.StatusChange;
import org.abusedesk.account.Thresholds;
import org.abusedesk.cases.CaseFiles;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.metrics.DeskMetrics;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.abusedesk.outgoing.CustomerMailComposer;
import org.abusedesk.outgoing.CustomerMailComposer.NoticeView;
import org.abusedesk.outgoing.LetterFormat;
import org.abusedesk.outgoing.Mailer;
import org.abusedesk.processing.CustomerNotices;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.Mailings;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.statistics.BerlinDays;
import org.abusedesk.thread.CaseThreads;
import org.abusedesk.thread.ReplyAddress;
import org.abusedesk.thread.ThreadEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the sending customer of a counted complaint on one of its registered mailings, and asks for the
 * recipient's opt-in evidence. Storm control is per account: one notice per mailing and Berlin day, and one at once
 * for each escalation of the account. The complainant's address is in it only with their consent, which only the
 * form gives: a feedback-loop report never discloses it.
 *
 * <p>The claim is taken before the mail goes: a crash in between loses one notice, but no customer gets two, and
 * the abuse team's own mail went out before this runs.
 */
public final class NotifyCustomer implements CustomerNotices {

    /** What became of a counted complaint's notice. */
    public enum Outcome {
        SENT,
        /** The mailing is not in the registry: the account is a guess, and nobody is written to on a guess. */
        NOT_REGISTERED,
        NO_CONTACT,
        /** This mailing had its notice today, and the account did not escalate. */
        HELD_BACK,
        FAILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(NotifyCustomer.class);
    private static final Duration CLAIM_KEPT = Duration.ofDays(2);

    private final Mailings mailings;
    private final Accounts accounts;
    private final AccountContacts contacts;
    private final NoticeClaims claims;
    private final CaseFiles files;
    private final CaseThreads threads;
    private final CustomerMailComposer composer;
    private final ReplyAddress replies;
    private final Mailer mailer;
    private final Thresholds thresholds;
    private final Duration answerWithin;
    private final DeskMetrics metrics;

    public NotifyCustomer(
            Mailings mailings,
            Accounts accounts,
            AccountContacts contacts,
            NoticeClaims claims,
            CaseFiles files,
            CaseThreads threads,
            CustomerMailComposer composer,
            ReplyAddress replies,
            Mailer mailer,
            Thresholds thresholds,
            Duration answerWithin,
            DeskMetrics metrics) {
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
        this.accounts = Objects.requireNonNull(accounts, "accounts == null");
        this.contacts = Objects.requireNonNull(contacts, "contacts == null");
        this.claims = Objects.requireNonNull(claims, "claims == null");
        this.files = Objects.requireNonNull(files, "files == null");
        this.threads = Objects.requireNonNull(threads, "threads == null");
        this.composer = Objects.requireNonNull(composer, "composer == null");
        this.replies = Objects.requireNonNull(replies, "replies == null");
        this.mailer = Objects.requireNonNull(mailer, "mailer == null");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds == null");
        this.answerWithin = Objects.requireNonNull(answerWithin, "answerWithin == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    }

    /**
     * Sends the notice of a counted complaint, if storm control lets it through.
     *
     * @param escalations the account's escalations this complaint caused
     * @param teamNotified whether the case is NOTIFIED now: only then does it move on to WAITING_FOR_CUSTOMER
     */
    @Override
    public void counted(Complaint complaint, List<StatusChange> escalations, boolean teamNotified, Instant now) {
        notify(complaint, escalations, teamNotified, now);
    }

    /** As {@link #counted}, saying what became of the notice. */
    public Outcome notify(Complaint complaint, List<StatusChange> escalations, boolean teamNotified, Instant now) {
        Optional<Mailing> registered = mailings.find(complaint.mailingId());
        if (registered.isEmpty()) {
            return Outcome.NOT_REGISTERED;
        }
        var mailing = registered.get();
        var account = mailing.accountId();
        Optional<AccountContact> found = contacts.find(account);
        if (found.isEmpty()) {
            return Outcome.NO_CONTACT;
        }
        var contact = found.get();
        var escalation = escalations.stream().reduce((first, second) -> second);
        if (!claim(account, complaint, escalations, now)) {
            return Outcome.HELD_BACK;
        }
        var due = now.plus(answerWithin);
        var evidence = files.find(complaint.key(), now).flatMap(file -> file.optInEvidence());
        var view = view(contact, mailing, complaint, escalation, evidence, due, now);
        var entryId = Randomness.ulidAt(now).toString();
        var written = composer.notice(contact.email(), replies.of(entryId), view);
        try {
            mailer.send(written.mail());
        } catch (RuntimeException e) {
            // The abuse team knows of the complaint already; a notice that fails is measured, and the team may send
            // a follow-up from the case.
            LOG.warn("customer notice not sent: mailingId={} complaintId={}", complaint.mailingId(), complaint.id(), e);
            return Outcome.FAILED;
        }
        metrics.record(new NotificationSent(NotificationSent.Kind.CUSTOMER_NOTICE));
        threads.add(
                new ThreadEntry(
                        entryId,
                        complaint.key(),
                        ThreadEntry.Kind.NOTICE,
                        now,
                        Optional.empty(),
                        contact.email(),
                        written.subject(),
                        written.text(),
                        Optional.of(due),
                        Optional.empty(),
                        false),
                complaint.expiresAt());
        if (teamNotified) {
            files.await(complaint.key(), ComplaintState.NOTIFIED, due);
        }
        LOG.info(
                "customer notice sent: mailingId={} complaintId={} account={}",
                complaint.mailingId(),
                complaint.id(),
                account);
        return Outcome.SENT;
    }

    private boolean claim(AccountId account, Complaint complaint, List<StatusChange> escalations, Instant now) {
        var until = now.plus(CLAIM_KEPT);
        boolean claimed = false;
        for (var change : escalations) {
            // Each escalation is told at once, whatever the mailing had today.
            claimed |= claims.claim(
                    "customer-notice#" + account.value() + "#escalation#" + change.to() + "#"
                            + change.at().toEpochMilli(),
                    until);
        }
        boolean daily = claims.claim(
                "customer-notice#" + account.value() + "#"
                        + complaint.mailingId().value() + "#" + BerlinDays.of(now),
                until);
        return claimed || daily;
    }

    private NoticeView view(
            AccountContact contact,
            Mailing mailing,
            Complaint complaint,
            Optional<StatusChange> escalation,
            Optional<OptInEvidence> evidence,
            Instant due,
            Instant now) {
        Language language = contact.language();
        String recipients = mailing.recipients().isPresent()
                ? Long.toString(mailing.recipients().getAsLong())
                : (language == Language.DE ? "nicht angegeben" : "not given");
        String rate = mailing.recipients().isPresent() && mailing.recipients().getAsLong() > 0
                ? LetterFormat.percent(
                        BigDecimal.valueOf(mailing.complaints())
                                .multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(mailing.recipients().getAsLong()), 6, RoundingMode.HALF_UP),
                        language)
                : "–";
        // Only a form complaint carries the complainant's consent; a mailed complaint's address is never told.
        String disclosed =
                complaint.channel() == Channel.FORM && complaint.complainant().consentToShare()
                        ? complaint.complainant().email()
                        : "";
        String channel = complaint.channel() == Channel.FORM
                ? (language == Language.DE ? "über unser Beschwerdeformular" : "through our complaint form")
                : (language == Language.DE ? "per E-Mail" : "by mail");
        long windowDays = thresholds.window().toDays();
        return new NoticeView(
                language,
                contact.name(),
                complaint.mailingId().value(),
                mailing.subject().orElse(""),
                LetterFormat.time(mailing.sentAt(), language),
                recipients,
                mailing.complaints(),
                rate,
                accounts.status(mailing.accountId()).name(),
                escalation.map(change -> change.to().name()).orElse(""),
                LetterFormat.percent(thresholds.watchRatePercent(), language),
                LetterFormat.percent(thresholds.flaggedRatePercent(), language),
                LetterFormat.percent(thresholds.pausedRatePercent(), language),
                thresholds.pausedMinVerifiedComplaints(),
                windowDays + (language == Language.DE ? " Tage" : " days"),
                complaint.id().value(),
                channel,
                LetterFormat.time(complaint.receivedAt(), language),
                disclosed,
                evidence.filter(e -> e.status() == OptInEvidence.Status.FOUND).isPresent(),
                LetterFormat.date(due, language));
    }
}
