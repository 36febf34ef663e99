package org.abusedesk.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountContacts;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.ComplaintRatePolicy;
import org.abusedesk.account.InMemoryAccounts;
import org.abusedesk.account.Thresholds;
import org.abusedesk.cases.InMemoryCases;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.conversation.NotifyCustomer;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.intake.MutableClock;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.outgoing.CustomerMailComposer;
import org.abusedesk.outgoing.OutgoingMail;
import org.abusedesk.registration.InMemoryMailings;
import org.abusedesk.registration.Mailing;
import org.abusedesk.thread.InMemoryCaseThreads;
import org.abusedesk.thread.ReplyAddress;

/** The whole processing side in memory, with a clock the test moves and the mails it would have sent. */
public final class InMemoryDesk {

    public static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    public static final Duration WINDOW = Duration.ofMinutes(15);

    public final MutableClock clock = new MutableClock(START);
    public final InMemoryComplaints complaints = new InMemoryComplaints();
    public final InMemoryMailings mailings = new InMemoryMailings();
    public final InMemoryAccounts accounts = new InMemoryAccounts();
    public final List<Notification> notifications = new CopyOnWriteArrayList<>();
    public final List<Complaint> acknowledged = new CopyOnWriteArrayList<>();
    public final RecordingDeskMetrics metrics = new RecordingDeskMetrics();
    public volatile AbuseTeamNotifier notifier = notifications::add;
    public final List<HeldBack> digests = new CopyOnWriteArrayList<>();
    /** Far above what most tests send; a test of the budget lowers it. */
    public final InMemoryTeamMailBudget budget = new InMemoryTeamMailBudget(10_000, WINDOW);

    private final NotifyAbuseTeam notify = new NotifyAbuseTeam(
            complaints, mailings, accounts, mailings, budget, n -> notifier.notify(n), digests::add, metrics, WINDOW);

    public final InMemoryCases cases = new InMemoryCases(complaints);
    public final InMemoryCaseThreads threads = new InMemoryCaseThreads();
    public final Map<AccountId, AccountContact> contactsByAccount = new ConcurrentHashMap<>();
    public final List<OutgoingMail> customerMails = new CopyOnWriteArrayList<>();
    public final Map<String, Instant> noticeClaims = new ConcurrentHashMap<>();
    public final ReplyAddress replies = new ReplyAddress(
            "abuse@example.com", IntakeSecret.of("the-reply-key-of-this-desk-0123"), Duration.ofDays(180));

    private final AccountContacts contacts = new AccountContacts() {
        @Override
        public Optional<AccountContact> find(AccountId account) {
            return Optional.ofNullable(contactsByAccount.get(account));
        }

        @Override
        public void put(AccountId account, AccountContact contact) {
            contactsByAccount.put(account, contact);
        }
    };

    public final NotifyCustomer notifyCustomer = new NotifyCustomer(
            mailings,
            accounts,
            contacts,
            (key, until) -> noticeClaims.putIfAbsent(key, until) == null,
            cases,
            threads,
            new CustomerMailComposer("abuse-desk@example.com"),
            replies,
            customerMails::add,
            Thresholds.DEFAULTS,
            Duration.ofDays(7),
            metrics);

    public final ProcessComplaint processComplaint = new ProcessComplaint(
            complaints,
            mailings,
            new InMemoryLedger(complaints, mailings, accounts),
            new EscalateAccount(accounts, mailings, complaints, new ComplaintRatePolicy(Thresholds.DEFAULTS), metrics),
            new AcknowledgeComplainant(new InMemoryAcknowledgements(3), acknowledged::add, metrics),
            notify,
            metrics,
            clock,
            Optional.of(notifyCustomer));

    public final FlushNotifications flush = new FlushNotifications(notify, clock);

    /** Registers a mailing sent an hour before the start. */
    public Mailing register(String mailingId, String accountId, Long recipients) {
        var mailing = Mailing.registered(
                new MailingId(mailingId),
                new AccountId(accountId),
                recipients == null ? OptionalLong.empty() : OptionalLong.of(recipients),
                START.minus(Duration.ofHours(1)),
                Optional.of("Winter sale"),
                Optional.of("news@shop.example"));
        mailings.register(mailing);
        return mailing;
    }

    /** Stores a received form complaint on the mailing, from the address, as the intake would. */
    public ComplaintKey receive(String mailingId, String email) {
        return receive(mailingId, email, Channel.FORM, Classification.COMPLAINT, Attribution.NONE);
    }

    public ComplaintKey receive(
            String mailingId, String email, Channel channel, Classification classification, Attribution attribution) {
        var key = new ComplaintKey(new MailingId(mailingId), ComplaintId.generate());
        complaints.add(new Complaint(
                key,
                channel,
                classification,
                ComplaintState.RECEIVED,
                clock.instant(),
                new Complainant(email, Optional.empty(), Salutation.NONE, Language.DE),
                "Ich habe das nie bestellt.",
                attribution,
                clock.instant().plus(Duration.ofDays(180))));
        return key;
    }

    /** Gives the account a contact, to whom its notices go. */
    public void contact(String accountId, AccountContact contact) {
        contactsByAccount.put(new AccountId(accountId), contact);
    }

    /** Stores a form complaint whose complainant agreed to pass their address on. */
    public ComplaintKey receiveConsenting(String mailingId, String email) {
        var key = new ComplaintKey(new MailingId(mailingId), ComplaintId.generate());
        complaints.add(new Complaint(
                key,
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                clock.instant(),
                new Complainant(email, Optional.empty(), Salutation.NONE, Language.DE, true),
                "Ich habe das nie bestellt.",
                Attribution.NONE,
                clock.instant().plus(Duration.ofDays(180))));
        return key;
    }

    public ComplaintState state(ComplaintKey key) {
        return complaints.find(key, clock.instant()).orElseThrow().state();
    }
}
