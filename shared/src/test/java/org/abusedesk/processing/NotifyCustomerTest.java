package org.abusedesk.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.abusedesk.account.AccountContact;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.conversation.NotifyCustomer;
import org.abusedesk.outgoing.OutgoingMail;
import org.abusedesk.thread.ThreadEntry;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

class NotifyCustomerTest {

    private static final AccountContact SHOP = new AccountContact("owner@shop.example", "Shop GmbH", Language.DE);

    private final InMemoryDesk desk = new InMemoryDesk();

    @Test
    void aCountedComplaintOnARegisteredAccount_givesItsContactOneNotice_naming_theMailing_butNotTheComplainant() {
        // GIVEN account 121070 with a contact, and its mailing 14141611 to 1,000 recipients
        desk.register("14141611", "121070", 1000L);
        desk.contact("121070", SHOP);

        // WHEN a form complaint without consent is processed
        var key = desk.receive("14141611", "erika@example.net");
        desk.processComplaint.process(key);

        // THEN the contact has one notice, in German, with a Reply-To that answers this case's notice ...
        assertThat(desk.customerMails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("owner@shop.example");
            var message = parse(mail);
            assertThat(message.getSubject())
                    .isEqualTo("Beschwerde zu Ihrem Mailing 14141611 (Vorgang "
                            + key.complaintId().value() + ")");
            String replyTo = message.getReplyTo().flatten().get(0).getAddress();
            assertThat(replyTo).startsWith("abuse+r-").endsWith("@example.com");
            var entry = desk.replies.entryOf(replyTo, desk.clock.instant()).orElseThrow();
            assertThat(desk.threads.caseOf(entry, desk.clock.instant())).contains(key);
            // ... naming the mailing, its counts and rate, and the thresholds ...
            assertThat(text(message))
                    .contains("Guten Tag Shop GmbH,")
                    .contains("Mailing-ID:   14141611")
                    .contains("Betreff:      Winter sale")
                    .contains("Empfänger:    1000")
                    .contains("Beschwerden:  bisher 1, 0,10 % der Empfänger")
                    .contains("FLAGGED  ab 0,10 %")
                    .contains("bis zum 05.12.2026")
                    // ... and not the complainant
                    .doesNotContain("erika")
                    .contains("hat nicht eingewilligt");
        });
        // ... recorded in the case's thread as the desk's, and the case waits for the customer for 7 days
        assertThat(desk.threads.of(key, desk.clock.instant())).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(ThreadEntry.Kind.NOTICE);
            assertThat(entry.actor()).isEmpty();
            assertThat(entry.counterpart()).isEqualTo("owner@shop.example");
            assertThat(entry.text()).contains("Mailing-ID:   14141611").doesNotContain("erika");
        });
        var file = desk.cases.find(key, desk.clock.instant()).orElseThrow();
        assertThat(file.state()).isEqualTo(ComplaintState.WAITING_FOR_CUSTOMER);
        assertThat(file.dueAt()).contains(InMemoryDesk.START.plus(Duration.ofDays(7)));
    }

    @Test
    void aComplainantWhoConsented_isNamedInTheNotice() {
        desk.register("14141611", "121070", 1000L);
        desk.contact("121070", new AccountContact("owner@shop.example", "Shop Ltd", Language.EN));

        desk.processComplaint.process(desk.receiveConsenting("14141611", "erika@example.net"));

        assertThat(text(parse(desk.customerMails.get(0))))
                .contains("Hello Shop Ltd,")
                .contains("Complaints:   1 so far, 0.10 % of the recipients")
                .contains("The recipient has agreed that we pass their address on to you: erika@example.net");
    }

    @Test
    void aMailedComplaint_neverDisclosesItsAddress() {
        // GIVEN a forwarded complaint (its complainant never saw a consent box)
        desk.register("14141611", "121070", 1000L);
        desk.contact("121070", SHOP);

        desk.processComplaint.process(desk.receive(
                "14141611", "erika@example.net", Channel.MAIL, Classification.COMPLAINT, Attribution.NONE));

        assertThat(text(parse(desk.customerMails.get(0))))
                .doesNotContain("erika")
                .contains("hat nicht eingewilligt");
    }

    @Test
    void theSecondComplaintOnAMailing_onTheSameBerlinDay_givesNoSecondNotice_theFirstOnTheNextDayDoes() {
        // GIVEN a mailing to 100,000 recipients (no escalation on a few complaints), noticed once at 10:00 UTC
        desk.register("14141611", "121070", 100_000L);
        desk.contact("121070", SHOP);
        desk.processComplaint.process(desk.receive("14141611", "a@example.net"));

        // WHEN another comes at 22:59:59 UTC (23:59:59 in Berlin), and one a second later (the next Berlin day)
        desk.clock.advance(Duration.between(desk.clock.instant(), Instant.parse("2026-11-28T22:59:59Z")));
        var sameDay = desk.receive("14141611", "b@example.net");
        desk.processComplaint.process(sameDay);
        int afterSameDay = desk.customerMails.size();
        desk.clock.advance(Duration.ofSeconds(1));
        desk.processComplaint.process(desk.receive("14141611", "c@example.net"));

        // THEN the same day gave none, the next day one; the case without a notice is not waiting
        assertThat(afterSameDay).isEqualTo(1);
        assertThat(desk.customerMails).hasSize(2);
        assertThat(desk.cases.find(sameDay, desk.clock.instant()).orElseThrow().state())
                .isEqualTo(ComplaintState.NOTIFIED);
        assertThat(desk.threads.of(sameDay, desk.clock.instant())).isEmpty();
    }

    @Test
    void anotherMailingOfTheAccount_onTheSameDay_hasANoticeOfItsOwn() {
        desk.register("14141611", "121070", 100_000L);
        desk.register("14141612", "121070", 100_000L);
        desk.contact("121070", SHOP);

        desk.processComplaint.process(desk.receive("14141611", "a@example.net"));
        desk.processComplaint.process(desk.receive("14141612", "a@example.net"));

        assertThat(desk.customerMails).hasSize(2);
    }

    @Test
    void anEscalation_isToldAtOnce_evenAfterTheDaysNotice() {
        // GIVEN a mailing to 1,000: the first complaint gave the day's notice
        desk.register("14141611", "121070", 1000L);
        desk.contact("121070", SHOP);
        desk.processComplaint.process(desk.receive("14141611", "a@example.net"));
        desk.clock.advance(Duration.ofMinutes(1));
        desk.processComplaint.process(desk.receive("14141611", "b@example.net"));
        assertThat(desk.customerMails).hasSize(1);

        // WHEN the third flags the account (0.3 % with 3 complaints)
        desk.clock.advance(Duration.ofMinutes(1));
        var third = desk.receive("14141611", "c@example.net");
        desk.processComplaint.process(third);

        // THEN a second notice goes out at once, saying so
        assertThat(desk.customerMails).hasSize(2);
        assertThat(text(parse(desk.customerMails.get(1))))
                .contains("Der Status Ihres Kontos ist jetzt FLAGGED.")
                .contains("Status Ihres Kontos jetzt: FLAGGED.")
                .contains("bisher 3, 0,30 %");

        // ... and the same complaint processed again (a redelivery) sends none
        desk.notifyCustomer.notify(
                desk.complaints.find(third, desk.clock.instant()).orElseThrow(),
                desk.accounts
                        .find(new org.abusedesk.account.AccountId("121070"))
                        .orElseThrow()
                        .history(),
                true,
                desk.clock.instant());
        assertThat(desk.customerMails).hasSize(2);
    }

    @Test
    void anUnregisteredMailing_orAnAccountWithoutContact_givesNoNotice() {
        // GIVEN one mailing registered to an account without contact, and a complaint on a mailing nobody registered
        desk.register("14141611", "121070", 1000L);

        var outcomes = new java.util.ArrayList<NotifyCustomer.Outcome>();
        var unknown = desk.receive("99999999", "a@example.net");
        desk.processComplaint.process(unknown);
        outcomes.add(desk.notifyCustomer.notify(
                desk.complaints.find(unknown, desk.clock.instant()).orElseThrow(),
                java.util.List.of(),
                false,
                desk.clock.instant()));
        var noContact = desk.receive("14141611", "b@example.net");
        desk.processComplaint.process(noContact);
        outcomes.add(desk.notifyCustomer.notify(
                desk.complaints.find(noContact, desk.clock.instant()).orElseThrow(),
                java.util.List.of(),
                false,
                desk.clock.instant()));

        assertThat(desk.customerMails).isEmpty();
        assertThat(outcomes).containsExactly(NotifyCustomer.Outcome.NOT_REGISTERED, NotifyCustomer.Outcome.NO_CONTACT);
    }

    static Message parse(OutgoingMail mail) {
        try {
            return new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(mail.raw()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Message message) {
        try (var reader = ((TextBody) message.getBody()).getReader()) {
            var out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
