package org.abusedesk.console.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.InMemoryAccountContacts;
import org.abusedesk.account.InMemoryAccounts;
import org.abusedesk.account.SetAccountContact;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.ShowAccountContact;
import org.abusedesk.account.Thresholds;
import org.abusedesk.cases.AbuseDeskContact;
import org.abusedesk.cases.AddNote;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.EraseComplainant;
import org.abusedesk.cases.ExportCase;
import org.abusedesk.cases.InMemoryCases;
import org.abusedesk.cases.InMemoryStoredEvidence;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.SendFollowUp;
import org.abusedesk.cases.TellOutcome;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.console.Person;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.InMemoryRawMails;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.RawMails;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ReceivedMail;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.outgoing.CustomerMailComposer;
import org.abusedesk.outgoing.Mailer;
import org.abusedesk.outgoing.OutgoingMail;
import org.abusedesk.processing.EvidenceLinks;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.InMemoryMailings;
import org.abusedesk.registration.ShowMailing;
import org.abusedesk.testkit.MailFixtures;
import org.abusedesk.thread.InMemoryCaseThreads;
import org.abusedesk.thread.ReplyAddress;

/** The console's pages over in-memory stores, and requests to them as the handler hands them on. */
final class ConsoleDesk {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String CSRF = "csrf-token-7f3a";
    static final Person READER = new Person("sub-reader", "Rita Reader", Person.Role.READ);
    static final Person WRITER = new Person("sub-writer", "Walter Writer", Person.Role.WRITE);

    final InMemoryComplaints complaints = new InMemoryComplaints();
    final InMemoryCases cases = new InMemoryCases(complaints);
    final InMemoryMailings mailings = new InMemoryMailings();
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final InMemoryAccountContacts contacts = new InMemoryAccountContacts();
    final InMemoryStoredEvidence evidence = new InMemoryStoredEvidence();
    final FakeStatistics statistics = new FakeStatistics();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final InMemoryCaseThreads threads = new InMemoryCaseThreads();
    final SentMails mails = new SentMails();
    final ConsolePageSet pages;

    ConsoleDesk() {
        var composer = new CustomerMailComposer("abuse-desk@example.com");
        var replies = new ReplyAddress(
                "abuse@example.com", IntakeSecret.of("console-test-secret-of-32-chars!"), Duration.ofDays(180));
        pages = new ConsolePageSet(new ConsoleUseCases(
                new ListCases(cases, clock),
                new ViewCase(cases, EvidenceLinks.NONE, clock, threads),
                new CloseCase(cases, clock),
                new SendFollowUp(cases, threads, contacts, composer, replies, mails, clock),
                new AddNote(cases, threads, clock),
                new TellOutcome(cases, threads, composer, mails, clock),
                new ExportCase(
                        cases,
                        mailings,
                        evidence,
                        InboundLimits.DEFAULT,
                        ResolutionProfile.DEFAULT,
                        AbuseDeskContact.of("Example ESP GmbH", "abuse@example.com"),
                        clock,
                        threads),
                new ShowAccount(accounts),
                new ChangeAccountStatus(accounts, (id, now) -> new ComplaintStatistics(4, 4, 1000, 0), clock),
                new ShowAccountContact(contacts),
                new SetAccountContact(contacts),
                new ShowMailing(mailings),
                mailings,
                new ImportMailings(mailings, MailingIdFormat.DEFAULT),
                new EraseComplainant(cases, cases, evidence, accounts, clock, threads),
                cases,
                evidence,
                InboundLimits.DEFAULT,
                ResolutionProfile.DEFAULT,
                statistics,
                statistics,
                statistics,
                statistics,
                Thresholds.DEFAULTS,
                cases,
                14,
                clock));
    }

    /** What the desk sent, in order, instead of sending it. */
    static final class SentMails implements Mailer {
        final List<OutgoingMail> sent = new ArrayList<>();

        @Override
        public void send(OutgoingMail mail) {
            sent.add(mail);
        }
    }

    /** A complaint as the inbound function stores it from this mail, its raw mail kept, then moved to the state. */
    Complaint received(String receiptId, byte[] mail, Instant at, ComplaintState state) {
        var location = "memory://" + receiptId;
        evidence.put(location, mail);
        var receive = new ReceiveMail(
                new InMemoryRawMails(),
                new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none()),
                complaints,
                new RecordingDeskMetrics(),
                InboundLimits.DEFAULT,
                Duration.ofDays(180));
        var found = receive.complaints(
                new ReceivedMail(receiptId, at, Optional.empty(), ReceiptVerdicts.UNKNOWN),
                new RawMails.RawMail(mail, false, location, at));
        var complaint = found.getFirst().withState(state);
        complaints.add(complaint);
        return complaint;
    }

    /** A forward of the reported message, with the complainant's note above it. */
    static byte[] forward(String note, String reported) {
        return MailFixtures.forwardedComplaint()
                .saying(note)
                .reporting(reported)
                .bytes();
    }

    ConsoleResponse get(Person person, Language language, String path) {
        return get(person, language, path, Map.of());
    }

    ConsoleResponse get(Person person, Language language, String path, Map<String, String> query) {
        return pages.answer(new ConsoleRequest("GET", path, query, Map.of(), Map.of(), language, person, CSRF));
    }

    ConsoleResponse post(Person person, String path, Map<String, String> fields) {
        return pages.answer(new ConsoleRequest("POST", path, Map.of(), fields, Map.of(), Language.EN, person, CSRF));
    }

    ConsoleResponse upload(Person person, String path, ConsoleRequest.Upload file) {
        return pages.answer(
                new ConsoleRequest("POST", path, Map.of(), Map.of(), Map.of("file", file), Language.EN, person, CSRF));
    }
}
