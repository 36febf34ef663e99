package org.abusedesk.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Verification;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.abusedesk.metrics.Measurement.ProcessingLatency;
import org.abusedesk.metrics.Measurement.StatusTransition;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;
import org.junit.jupiter.api.Test;

class ProcessComplaintTest {

    private static final AccountId ACCOUNT = new AccountId("121070");
    private static final MailingId MAILING = new MailingId("14141611");

    private final InMemoryDesk desk = new InMemoryDesk();

    @Test
    void threeFormComplaintsOnAThousandRecipients_flagTheAccount_inTwoMails_losingNone() {
        // GIVEN a registered mailing to 1,000 recipients
        desk.register("14141611", "121070", 1000L);

        // WHEN three people complain through the form, one minute apart
        var first = desk.receive("14141611", "a@example.net");
        var outcomes = new ArrayList<ProcessingOutcome>();
        outcomes.add(desk.processComplaint.process(first));
        desk.clock.advance(Duration.ofMinutes(1));
        var second = desk.receive("14141611", "b@example.net");
        outcomes.add(desk.processComplaint.process(second));
        desk.clock.advance(Duration.ofMinutes(1));
        var third = desk.receive("14141611", "c@example.net");
        outcomes.add(desk.processComplaint.process(third));

        // THEN the account is FLAGGED (0.3 %, but none verified, so not PAUSED) ...
        var account = desk.accounts.find(ACCOUNT).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.FLAGGED);
        assertThat(account.complaints()).isEqualTo(3);
        assertThat(account.history()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(change.to()).isEqualTo(AccountStatus.FLAGGED);
            assertThat(change.reason())
                    .isEqualTo("complaint rate 0.3000 % >= 0.1 % with 3 complaints on 1000 recipients");
            assertThat(change.complaintIds())
                    .containsExactly(third.complaintId().value());
        });
        // ... the first complaint was mailed at once, the second waited, the escalation mailed the rest at once
        assertThat(outcomes)
                .containsExactly(ProcessingOutcome.NOTIFIED, ProcessingOutcome.DEFERRED, ProcessingOutcome.NOTIFIED);
        assertThat(desk.notifications).hasSize(2);
        assertThat(keys(desk.notifications.get(0))).containsExactly(first);
        assertThat(keys(desk.notifications.get(1))).containsExactly(second, third);
        assertThat(desk.notifications.get(1).escalation()).isPresent();
        assertThat(desk.notifications.get(1).status()).isEqualTo(AccountStatus.FLAGGED);
        assertThat(desk.notifications.get(1).mailingComplaints()).isEqualTo(3);
        assertThat(desk.notifications.get(1).mailingRatePercent()).contains(new java.math.BigDecimal("0.3000"));
        assertThat(List.of(first, second, third))
                .allSatisfy(k -> assertThat(desk.state(k)).isEqualTo(ComplaintState.NOTIFIED));
        // ... and the three complainants are suppressed for the account, by the hash of their address only
        assertThat(desk.accounts.of(ACCOUNT))
                .extracting(Suppression::addressHash)
                .containsExactlyInAnyOrder(
                        AddressHash.of("a@example.net"),
                        AddressHash.of("b@example.net"),
                        AddressHash.of("c@example.net"));
    }

    @Test
    void processing_measuresEachComplaintsLatency_andCountsEveryMailAndEscalation() {
        // GIVEN a registered mailing to 1,000 recipients
        desk.register("14141611", "121070", 1000L);

        // WHEN three form complaints come in, each processed 90 seconds after it arrived
        for (String person : List.of("a", "b", "c")) {
            var key = desk.receive("14141611", person + "@example.net");
            desk.clock.advance(Duration.ofSeconds(90));
            desk.processComplaint.process(key);
        }

        // THEN the first is acknowledged and mailed, the second acknowledged and held back, the third escalates the
        // account to FLAGGED, is acknowledged and mailed: each 90 seconds after its receipt
        var latency = new ProcessingLatency(Channel.FORM, Duration.ofSeconds(90));
        var acknowledgement = new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT);
        var abuseTeam = new NotificationSent(NotificationSent.Kind.ABUSE_TEAM);
        assertThat(desk.metrics.measurements())
                .containsExactly(
                        acknowledgement,
                        abuseTeam,
                        latency,
                        acknowledgement,
                        latency,
                        new StatusTransition(AccountStatus.FLAGGED),
                        acknowledgement,
                        abuseTeam,
                        latency);
    }

    @Test
    void aComplaintDeliveredTwice_countsOnce_andMailsOnce() {
        desk.register("14141611", "121070", 1000L);
        var key = desk.receive("14141611", "a@example.net");

        var first = desk.processComplaint.process(key);
        var again = desk.processComplaint.process(key);

        assertThat(first).isEqualTo(ProcessingOutcome.NOTIFIED);
        assertThat(again).isEqualTo(ProcessingOutcome.ALREADY_DONE);
        assertThat(desk.mailings.complaints(MAILING)).isEqualTo(1);
        assertThat(desk.accounts.find(ACCOUNT).orElseThrow().complaints()).isEqualTo(1);
        assertThat(desk.notifications).hasSize(1);
        assertThat(desk.acknowledged).hasSize(1);
        assertThat(desk.metrics.of(ProcessingLatency.class)).hasSize(1);
    }

    @Test
    void whenTheMailFails_theComplaintStaysCounted_andTheRetryMailsItWithoutCountingAgain() {
        desk.register("14141611", "121070", 1000L);
        var key = desk.receive("14141611", "a@example.net");
        desk.notifier = n -> {
            throw new IllegalStateException("Throttling: Maximum sending rate exceeded");
        };

        assertThatThrownBy(() -> desk.processComplaint.process(key)).hasMessageContaining("Throttling");
        assertThat(desk.state(key)).isEqualTo(ComplaintState.COUNTED);

        // The window was claimed by the failed attempt: the retry defers, and the flush delivers once it passed.
        desk.notifier = desk.notifications::add;
        assertThat(desk.processComplaint.process(key)).isEqualTo(ProcessingOutcome.DEFERRED);
        desk.clock.advance(InMemoryDesk.WINDOW);
        assertThat(desk.flush.flush()).isEqualTo(1);

        assertThat(desk.notifications)
                .singleElement()
                .satisfies(n -> assertThat(keys(n)).containsExactly(key));
        assertThat(desk.state(key)).isEqualTo(ComplaintState.NOTIFIED);
        assertThat(desk.mailings.complaints(MAILING)).isEqualTo(1);
    }

    @Test
    void complaintsWithinTheWindow_waitForTheFlush_whichMailsThemTogetherOnceTheWindowPassed() {
        desk.register("14141611", "121070", 100_000L);
        var first = desk.receive("14141611", "a@example.net");
        desk.processComplaint.process(first);
        var waiting = new ArrayList<ComplaintKey>();
        for (int i = 0; i < 2; i++) {
            desk.clock.advance(Duration.ofMinutes(1));
            var key = desk.receive("14141611", "p" + i + "@example.net");
            assertThat(desk.processComplaint.process(key)).isEqualTo(ProcessingOutcome.DEFERRED);
            waiting.add(key);
        }

        // Before the window passed, the flush sends nothing
        assertThat(desk.flush.flush()).isZero();
        desk.clock.advance(Duration.ofMinutes(13));
        assertThat(desk.flush.flush()).isEqualTo(1);
        assertThat(desk.flush.flush()).isZero();

        assertThat(desk.notifications).hasSize(2);
        assertThat(keys(desk.notifications.get(1))).containsExactlyElementsOf(waiting);
        assertThat(waiting).allSatisfy(k -> assertThat(desk.state(k)).isEqualTo(ComplaintState.NOTIFIED));
        assertThat(desk.metrics.of(NotificationSent.class))
                .extracting(NotificationSent::kind)
                .filteredOn(kind -> kind != NotificationSent.Kind.ACKNOWLEDGEMENT)
                .containsExactly(NotificationSent.Kind.ABUSE_TEAM, NotificationSent.Kind.SUMMARY);
    }

    @Test
    void aComplaintCountedWhileTheSummaryIsBeingSent_staysPending_andTheNextFlushMailsIt() {
        // GIVEN a mailing with a complaint waiting for its window, and one more complaint counted and deferred while
        // the flush is sending the summary (after the summary's list was read, before the mark was cleared)
        desk.register("14141611", "121070", 100_000L);
        desk.processComplaint.process(desk.receive("14141611", "a@example.net"));
        desk.clock.advance(Duration.ofMinutes(1));
        assertThat(desk.processComplaint.process(desk.receive("14141611", "b@example.net")))
                .isEqualTo(ProcessingOutcome.DEFERRED);
        desk.clock.advance(Duration.ofMinutes(15));
        var late = new ArrayList<ComplaintKey>();
        desk.notifier = notification -> {
            desk.notifications.add(notification);
            if (late.isEmpty()) {
                var key = desk.receive("14141611", "c@example.net");
                late.add(key);
                assertThat(desk.processComplaint.process(key)).isEqualTo(ProcessingOutcome.DEFERRED);
            }
        };

        // WHEN the flush sends the summary, and flushes again once the window passed
        assertThat(desk.flush.flush()).isEqualTo(1);

        // THEN the late complaint's mailing is still pending, and the next flush mails it: it never waits for no mail
        assertThat(desk.mailings.isPending(MAILING)).isTrue();
        assertThat(desk.state(late.get(0))).isEqualTo(ComplaintState.COUNTED);
        desk.clock.advance(Duration.ofMinutes(16));
        assertThat(desk.flush.flush()).isEqualTo(1);
        assertThat(keys(desk.notifications.getLast())).containsExactly(late.get(0));
        assertThat(desk.state(late.get(0))).isEqualTo(ComplaintState.NOTIFIED);
    }

    @Test
    void fiveComplaintsOnUnregisteredMailings_namingAnAccountInAnUnsignedHeader_escalateNobody() {
        // GIVEN five mailed complaints, each on an unregistered mailing, whose mail claims account 121070 unsigned
        var keys = new ArrayList<ComplaintKey>();
        for (int i = 0; i < 5; i++) {
            keys.add(desk.receive(
                    "77" + i,
                    "p" + i + "@example.net",
                    Channel.MAIL,
                    Classification.COMPLAINT,
                    new Attribution(Optional.of("121070"), false, Verification.SIGNED_BY_SENDER, Optional.empty())));
        }

        // WHEN they are processed
        keys.forEach(desk.processComplaint::process);

        // THEN the claimed account is kept as evidence only: it is neither counted, suppressed nor escalated
        assertThat(desk.accounts.find(ACCOUNT)).isEmpty();
        assertThat(desk.accounts.of(ACCOUNT)).isEmpty();
        assertThat(desk.notifications).allSatisfy(n -> assertThat(n.account()).isEmpty());
        assertThat(keys)
                .allSatisfy(k -> assertThat(desk.state(k)).isIn(ComplaintState.COUNTED, ComplaintState.NOTIFIED));
    }

    @Test
    void aComplaintOnAnUnregisteredMailing_takesTheAccountAVerifiedSignatureNames() {
        var key = desk.receive(
                "777",
                "a@example.net",
                Channel.MAIL,
                Classification.COMPLAINT,
                new Attribution(Optional.of("121070"), true, Verification.SIGNED_BY_SENDER, Optional.empty()));

        desk.processComplaint.process(key);

        assertThat(desk.notifications).singleElement().satisfies(n -> {
            assertThat(n.mailingId()).isEqualTo(new MailingId("777"));
            assertThat(n.mailing()).isEmpty();
            assertThat(n.account()).contains(ACCOUNT);
            assertThat(n.mailingRatePercent()).isEmpty();
        });
        assertThat(desk.accounts.of(ACCOUNT)).hasSize(1);
    }

    @Test
    void aSignedAccount_onAnUnverifiedComplaint_escalatesNobody() {
        var key = desk.receive(
                "777",
                "a@example.net",
                Channel.MAIL,
                Classification.COMPLAINT,
                new Attribution(Optional.of("121070"), true, Verification.UNSIGNED_COPY, Optional.empty()));

        desk.processComplaint.process(key);

        assertThat(desk.accounts.find(ACCOUNT)).isEmpty();
    }

    @Test
    void aComplaintWithNoAccountAnywhere_isCountedOnItsMailing_andNotified_withoutSuppression() {
        var key = desk.receive("777", "a@example.net");

        assertThat(desk.processComplaint.process(key)).isEqualTo(ProcessingOutcome.NOTIFIED);

        assertThat(desk.mailings.complaints(new MailingId("777"))).isEqualTo(1);
        assertThat(desk.notifications)
                .singleElement()
                .satisfies(n -> assertThat(n.account()).isEmpty());
    }

    @Test
    void aBounceOrAutoReply_isNeitherCountedNorNotified() {
        desk.register("14141611", "121070", 1000L);
        var bounce = desk.receive(
                "14141611", "mailer-daemon@example.net", Channel.MAIL, Classification.BOUNCE, Attribution.NONE);

        assertThat(desk.processComplaint.process(bounce)).isEqualTo(ProcessingOutcome.NOT_COUNTED);

        assertThat(desk.mailings.complaints(MAILING)).isZero();
        assertThat(desk.notifications).isEmpty();
        assertThat(desk.state(bounce)).isEqualTo(ComplaintState.RECEIVED);
    }

    @Test
    void aKeyWithoutComplaint_isNotFound() {
        assertThat(desk.processComplaint.process(new ComplaintKey(MAILING, ComplaintId.generate())))
                .isEqualTo(ProcessingOutcome.NOT_FOUND);
    }

    @Test
    void acknowledgements_goOncePerCase_andAtMostThreeADayToOneAddress() {
        desk.register("14141611", "121070", 1000L);
        for (int i = 0; i < 4; i++) {
            desk.processComplaint.process(desk.receive("14141611", "same@example.net"));
        }

        assertThat(desk.acknowledged).hasSize(3);
        desk.clock.advance(Duration.ofDays(1));
        desk.processComplaint.process(desk.receive("14141611", "same@example.net"));
        assertThat(desk.acknowledged).hasSize(4);
    }

    @Test
    void twentyConcurrentComplaints_countExactly_andEscalateOnce() throws Exception {
        desk.register("14141611", "121070", 1000L);
        var keys = new ArrayList<ComplaintKey>();
        for (int i = 0; i < 20; i++) {
            keys.add(desk.receive("14141611", "p" + i + "@example.net"));
        }
        var tasks = new ArrayList<Callable<ProcessingOutcome>>();
        for (var key : keys) {
            tasks.add(() -> desk.processComplaint.process(key));
            tasks.add(() -> desk.processComplaint.process(key)); // every message delivered twice
        }

        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var future : pool.invokeAll(tasks)) {
                future.get();
            }
        }

        var account = desk.accounts.find(ACCOUNT).orElseThrow();
        assertThat(desk.mailings.complaints(MAILING)).isEqualTo(20);
        assertThat(account.complaints()).isEqualTo(20);
        assertThat(account.status()).isEqualTo(AccountStatus.FLAGGED);
        assertThat(account.history()).hasSize(1);
        assertThat(desk.accounts.of(ACCOUNT)).hasSize(20);
    }

    private static List<ComplaintKey> keys(Notification notification) {
        return notification.complaints().stream().map(c -> c.key()).toList();
    }
}
