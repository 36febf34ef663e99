package org.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountContacts;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.outgoing.CustomerMailComposer;
import org.abusedesk.outgoing.CustomerMailComposer.FollowUp;
import org.abusedesk.outgoing.CustomerMailComposer.Outcome;
import org.abusedesk.outgoing.OutgoingMail;
import org.abusedesk.people.Actor;
import org.abusedesk.thread.InMemoryCaseThreads;
import org.abusedesk.thread.ReplyAddress;
import org.abusedesk.thread.ThreadEntry;
import org.junit.jupiter.api.Test;

/** What a person does in a case's thread: follow-ups to the customer, notes, and the outcome to the complainant. */
class CaseThreadActionsTest {

    private static final Actor ANNA = new Actor("sub-anna", "Anna Team");
    private static final AccountId ACCOUNT = new AccountId("121070");
    private static final String CUSTOMER_WORDS = "Our list came from a partner, see attachment.";

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final InMemoryCaseThreads threads = new InMemoryCaseThreads();
    private final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(CaseFixtures.NOW, ZoneOffset.UTC);
    private final CustomerMailComposer composer = new CustomerMailComposer("abuse-desk@example.com");
    private final ReplyAddress replies = new ReplyAddress(
            "abuse@example.com", IntakeSecret.of("the-reply-key-of-this-desk-0123"), Duration.ofDays(180));
    private Optional<AccountContact> contact =
            Optional.of(new AccountContact("owner@shop.example", "Shop GmbH", Language.DE));
    private final AccountContacts contacts = new AccountContacts() {
        @Override
        public Optional<AccountContact> find(AccountId account) {
            return account.equals(ACCOUNT) ? contact : Optional.empty();
        }

        @Override
        public void put(AccountId account, AccountContact given) {
            contact = Optional.of(given);
        }
    };
    private final SendFollowUp followUp =
            new SendFollowUp(cases, threads, contacts, composer, replies, sent::add, clock);
    private final TellOutcome tellOutcome = new TellOutcome(cases, threads, composer, sent::add, clock);
    private final CloseCase close = new CloseCase(cases, clock);

    private ComplaintKey notified() {
        var complaint = CaseFixtures.form(
                "14141611", CaseFixtures.NOW.minusSeconds(3600), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        complaints.add(complaint);
        cases.attribute(complaint.key(), ACCOUNT);
        return complaint.key();
    }

    private static String raw(OutgoingMail mail) {
        return new String(mail.raw(), StandardCharsets.UTF_8);
    }

    @Test
    void aFollowUp_goesToTheAccountsContactOnly_isRecordedWithThePerson_andTheCaseWaitsUntilItsDate() {
        var key = notified();

        var entry = followUp.send(key, ANNA, FollowUp.FREE_TEXT, "Bitte senden Sie uns die Bestätigungsmail.", 5);

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("owner@shop.example");
            assertThat(raw(mail)).contains("Reply-To: " + replies.of(entry.id()));
        });
        assertThat(entry.kind()).isEqualTo(ThreadEntry.Kind.FOLLOW_UP);
        assertThat(entry.actor()).contains(ANNA);
        assertThat(entry.text()).contains("Bitte senden Sie uns die Bestätigungsmail.");
        assertThat(threads.of(key, CaseFixtures.NOW)).containsExactly(entry);
        var file = cases.find(key, CaseFixtures.NOW).orElseThrow();
        assertThat(file.state()).isEqualTo(ComplaintState.WAITING_FOR_CUSTOMER);
        assertThat(file.dueAt()).contains(CaseFixtures.NOW.plus(Duration.ofDays(5)));
    }

    @Test
    void aFollowUp_isRefused_withoutContact_onAClosedCase_blank_orOutOfRange_andSendsNothing() {
        var key = notified();
        assertThatThrownBy(() -> followUp.send(key, ANNA, FollowUp.FREE_TEXT, "  ", 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> followUp.send(key, ANNA, FollowUp.REMINDER, "", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> followUp.send(key, ANNA, FollowUp.REMINDER, "", 61))
                .isInstanceOf(IllegalArgumentException.class);
        contact = Optional.empty();
        assertThatThrownBy(() -> followUp.send(key, ANNA, FollowUp.REMINDER, "", 7))
                .isInstanceOf(CaseActionRefusedException.class)
                .hasMessageContaining("has no contact");
        close.resolve(key, ANNA, "done");
        contact = Optional.of(new AccountContact("owner@shop.example", "Shop", Language.EN));
        assertThatThrownBy(() -> followUp.send(key, ANNA, FollowUp.REMINDER, "", 7))
                .isInstanceOf(CaseStateException.class);

        assertThat(sent).isEmpty();
        assertThat(threads.all()).isEmpty();
    }

    @Test
    void theOutcome_goesOnce_toTheAcknowledgedComplainant_fromTheTemplate_withoutTheCustomersWords() {
        // GIVEN a case whose complainant was acknowledged, the customer's reply in its thread, then resolved
        var key = notified();
        cases.acknowledged(key, CaseFixtures.NOW.minusSeconds(3000));
        threads.add(
                new ThreadEntry(
                        "01KBX0000000000000000000RP",
                        key,
                        ThreadEntry.Kind.REPLY,
                        CaseFixtures.NOW,
                        Optional.empty(),
                        "owner@shop.example",
                        "Re",
                        CUSTOMER_WORDS,
                        Optional.empty(),
                        Optional.of("ses-1"),
                        false),
                CaseFixtures.NOW.plus(Duration.ofDays(1)));
        close.resolve(key, ANNA, "asked the sender");

        // WHEN the person tells the outcome, and tries again
        var told = tellOutcome.tell(key, ANNA, Outcome.ASKED_SENDER);

        // THEN one mail to the complainant, in their language, with the desk's words only
        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly(CaseFixtures.ERIKA);
            assertThat(raw(mail)).contains("Wir haben den Versender gefragt").doesNotContain("partner");
        });
        assertThat(told.kind()).isEqualTo(ThreadEntry.Kind.OUTCOME);
        assertThat(cases.find(key, CaseFixtures.NOW).orElseThrow().outcomeToldAt())
                .contains(CaseFixtures.NOW);
        assertThatThrownBy(() -> tellOutcome.tell(key, ANNA, Outcome.NO_FAULT))
                .isInstanceOf(CaseActionRefusedException.class)
                .hasMessageContaining("told the outcome before");
        assertThat(sent).hasSize(1);
    }

    @Test
    void theOutcome_isNeverSent_toAComplainantNotAcknowledged_norForAnOpenCase() {
        var open = notified();
        assertThatThrownBy(() -> tellOutcome.tell(open, ANNA, Outcome.ASKED_SENDER))
                .isInstanceOf(CaseStateException.class);

        var unacknowledged = notified();
        close.dismiss(unacknowledged, ANNA, "opted in");
        assertThatThrownBy(() -> tellOutcome.tell(unacknowledged, ANNA, Outcome.NO_FAULT))
                .isInstanceOf(CaseActionRefusedException.class)
                .hasMessageContaining("not acknowledged");

        assertThat(sent).isEmpty();
    }

    @Test
    void aNote_isInTheThread_withItsAuthor_andGoesNowhere() {
        var key = notified();

        var note = new AddNote(cases, threads, clock).add(key, ANNA, "Kunde telefonisch erreicht.");

        assertThat(threads.of(key, CaseFixtures.NOW)).containsExactly(note);
        assertThat(note.actor()).contains(ANNA);
        assertThat(sent).isEmpty();
        assertThatThrownBy(() -> new AddNote(cases, threads, clock).add(key, ANNA, "x".repeat(5_001)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
