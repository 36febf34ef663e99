package org.abusedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.metrics.Measurement.ComplaintReceived;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmitComplaintTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final SourceKey SOURCE = Intakes.source("198.51.100.23");
    private static final Submitter ANONYMOUS = new Submitter(SOURCE, Optional.empty());

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryIdempotencyRecords idempotency = new InMemoryIdempotencyRecords();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MutableClock clock = new MutableClock(NOW);
    private final SubmitComplaint submit = Intakes.submitComplaint(
            complaints, idempotency, new InMemorySourceCounter(SourceLimit.DEFAULT), metrics, clock);

    @Test
    void submit_storesOneReceivedFormComplaintUnderItsMailingId() {
        // GIVEN a complete submission with padding around the values
        var submission = new ComplaintSubmission(
                " 14141611 ", "a@example.net", "spam\nagain", "frau", " Erika Muster ", Language.EN);

        // WHEN it is submitted
        var key = accepted(submit.submit(submission, ANONYMOUS));

        // THEN exactly one complaint is stored, as given, received now and expiring after the retention
        assertThat(complaints.all()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(key);
            assertThat(c.mailingId().value()).isEqualTo("14141611");
            assertThat(c.channel()).isEqualTo(Channel.FORM);
            assertThat(c.state()).isEqualTo(ComplaintState.RECEIVED);
            assertThat(c.receivedAt()).isEqualTo(NOW);
            assertThat(c.expiresAt()).isEqualTo(Instant.parse("2027-05-27T10:15:30Z"));
            assertThat(c.complainant().email()).isEqualTo("a@example.net");
            assertThat(c.complainant().name()).contains("Erika Muster");
            assertThat(c.complainant().salutation()).isEqualTo(Salutation.FRAU);
            assertThat(c.complainant().language()).isEqualTo(Language.EN);
            assertThat(c.message()).isEqualTo("spam\nagain");
        });
        // ... and counted as one form complaint received, attributed to its mailing
        assertThat(metrics.measurements())
                .containsExactly(new ComplaintReceived(Channel.FORM, Classification.COMPLAINT, false));
    }

    @Test
    void submit_givesEachComplaintItsOwnReference() {
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);

        var first = accepted(submit.submit(submission, ANONYMOUS));
        var second = accepted(submit.submit(submission, ANONYMOUS));

        assertThat(first.complaintId()).isNotEqualTo(second.complaintId());
        assertThat(complaints.all()).hasSize(2);
    }

    @Test
    void submit_withoutNameOrSalutation_storesNoneOfThem_andAnswersInGerman() {
        var key = accepted(
                submit.submit(new ComplaintSubmission("14141611", "a@example.net", "spam", "", "  "), ANONYMOUS));

        var stored = complaints.find(key, NOW).orElseThrow();
        assertThat(stored.complainant().name()).isEqualTo(Optional.empty());
        assertThat(stored.complainant().salutation()).isEqualTo(Salutation.NONE);
        assertThat(stored.complainant().language()).isEqualTo(Language.DE);
    }

    @Test
    void submit_namesEveryMissingRequiredField_andStoresNothing() {
        assertThatThrownBy(() -> submit.submit(new ComplaintSubmission(null, " ", "", null, null), ANONYMOUS))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(
                                        new Violation("mailingId", Problem.REQUIRED),
                                        new Violation("email", Problem.REQUIRED),
                                        new Violation("message", Problem.REQUIRED)));
        assertThat(complaints.all()).isEmpty();
    }

    @Test
    void submit_rejectsMessageOver5000Chars() {
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "x".repeat(5_001), null, null)))
                .containsExactly(new Violation("message", Problem.TOO_LONG, 5000));
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "x".repeat(5_000), null, null)))
                .isEmpty();
    }

    @Test
    void submit_rejectsNameOver200Chars() {
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "spam", null, "n".repeat(201))))
                .containsExactly(new Violation("name", Problem.TOO_LONG, 200));
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "spam", null, "n".repeat(200))))
                .isEmpty();
    }

    @Test
    void submit_rejectsMailingIdOver64Chars() {
        assertThat(violations(new ComplaintSubmission("9".repeat(65), "a@example.net", "spam", null, null)))
                .containsExactly(new Violation("mailingId", Problem.TOO_LONG, 64));
        assertThat(violations(new ComplaintSubmission("9".repeat(64), "a@example.net", "spam", null, null)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "X-Mailing: 14141611",
                "x-mailing-id:14141611",
                "Mailing ID: 14141611",
                "Mailing-ID #14141611",
                "MailingID 14141611",
                "  14141611\t"
            })
    void submit_acceptsAPastedHeaderOrLabel_andKeepsTheIdOnly(String typed) {
        var key =
                accepted(submit.submit(new ComplaintSubmission(typed, "a@example.net", "spam", null, null), ANONYMOUS));

        assertThat(key.mailingId().value()).isEqualTo("14141611");
    }

    @Test
    void submit_countsTheMailingIdsLengthWithoutItsLabel() {
        assertThat(violations(
                        new ComplaintSubmission("X-Mailing: " + "9".repeat(64), "a@example.net", "spam", null, null)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"141 416", "14141611;DROP", "<14141611>", "X-Mailing:", "ünicode"})
    void submit_rejectsAMailingIdOutsideTheProfilesPattern(String typed) {
        assertThat(violations(new ComplaintSubmission(typed, "a@example.net", "spam", null, null)))
                .containsExactly(new Violation("mailingId", Problem.INVALID_MAILING_ID));
    }

    @Test
    void submit_checksTheMailingIdAgainstTheConfiguredPattern() {
        var digitsOnly = new SubmitComplaint(
                complaints,
                idempotency,
                new InMemorySourceCounter(SourceLimit.DEFAULT),
                metrics,
                MailingIdFormat.of("\\d{8}"),
                clock,
                Duration.ofDays(180));

        assertThatThrownBy(() -> digitsOnly.submit(
                        new ComplaintSubmission("ab-1", "a@example.net", "spam", null, null), ANONYMOUS))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new Violation("mailingId", Problem.INVALID_MAILING_ID)));
        assertThat(accepted(digitsOnly.submit(
                                new ComplaintSubmission("14141611", "a@example.net", "spam", null, null), ANONYMOUS))
                        .mailingId()
                        .value())
                .isEqualTo("14141611");
    }

    @Test
    void submit_rejectsEmailOver254Chars() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".de";
        assertThat(email).hasSize(255);
        assertThat(violations(new ComplaintSubmission("1", email, "spam", null, null)))
                .containsExactly(new Violation("email", Problem.TOO_LONG, 254));
    }

    @Test
    void submit_rejectsEmailWhosePunycodedFormIsOver254Chars() {
        // 199 characters as typed, 295 punycoded: each "äöüéèêëàáâ" label becomes "xn--0cacdfufii9guc".
        String email = "a".repeat(64) + "@" + "äöüéèêëàáâ.".repeat(12) + "de";
        assertThat(email.length()).isLessThanOrEqualTo(254);
        assertThat(violations(new ComplaintSubmission("1", email, "spam", null, null)))
                .containsExactly(new Violation("email", Problem.TOO_LONG, 254));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-an-address",
                "a@",
                "@example.net",
                "a b@example.net",
                "a@example..net",
                "Erika <a@example.net>",
                "a(comment)@example.net",
                "a@localhost",
                "a@[192.0.2.1]"
            })
    void submit_rejectsMalformedEmail(String email) {
        assertThat(violations(new ComplaintSubmission("1", email, "spam", null, null)))
                .containsExactly(new Violation("email", Problem.INVALID_EMAIL));
    }

    @Test
    void submit_rejectsEmailWhoseDomainLabelIsTooLongOncePunycoded() {
        assertThat(violations(new ComplaintSubmission("1", "a@" + "ü".repeat(60) + ".de", "spam", null, null)))
                .containsExactly(new Violation("email", Problem.INVALID_EMAIL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@bücher.de", "first.last+tag@example.co.uk", "user@xn--bcher-kva.de"})
    void submit_acceptsValidAndInternationalisedEmail(String email) {
        assertThat(violations(new ComplaintSubmission("1", email, "spam", null, null)))
                .isEmpty();
    }

    @Test
    void submit_keepsAnInternationalisedAddressAsTyped() {
        var key =
                accepted(submit.submit(new ComplaintSubmission("1", "user@bücher.de", "spam", null, null), ANONYMOUS));

        assertThat(complaints.find(key, NOW).orElseThrow().complainant().email())
                .isEqualTo("user@bücher.de");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Erika\nMuster", "Erika\rMuster", "Erika\u0000Muster", "Erika\u2028Muster", "Erika\tMuster"})
    void submit_rejectsLineBreaksAndControlCharactersInName(String name) {
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "spam", null, name)))
                .containsExactly(new Violation("name", Problem.NOT_SINGLE_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.net\r\nBcc: b@example.net", "a@example.net\u0000", "a@exam\u0085ple.net"})
    void submit_rejectsLineBreaksAndControlCharactersInEmail(String email) {
        assertThat(violations(new ComplaintSubmission("1", email, "spam", null, null)))
                .containsExactly(new Violation("email", Problem.NOT_SINGLE_LINE));
    }

    @Test
    void submit_rejectsLineBreakInMailingId() {
        assertThat(violations(
                        new ComplaintSubmission("141\r\nBcc: x@example.net", "a@example.net", "spam", null, null)))
                .containsExactly(new Violation("mailingId", Problem.NOT_SINGLE_LINE));
    }

    @Test
    void submit_rejectsUnknownSalutation() {
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "spam", "Dr.", null)))
                .containsExactly(new Violation("salutation", Problem.UNKNOWN_SALUTATION));
    }

    @Test
    void violation_speaksEachLanguage() {
        var violation = new Violation("message", Problem.TOO_LONG, 5000);

        assertThat(violation.message(Language.EN)).isEqualTo("must be at most 5000 characters");
        assertThat(violation.message(Language.DE)).isEqualTo("darf höchstens 5000 Zeichen lang sein");
    }

    @Test
    void submit_withAKnownIdempotencyKey_givesTheFirstReference_andStoresOneComplaint() {
        // GIVEN a complaint stored with an idempotency key
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);
        var submitter = new Submitter(SOURCE, Optional.of(IdempotencyKey.client("c2b7a0e4")));
        var first = submit.submit(submission, submitter);

        // WHEN the same submission comes again with the same key, a minute later
        clock.advance(Duration.ofMinutes(1));
        var second = submit.submit(submission, submitter);

        // THEN it is the same complaint, marked as a replay, stored and counted received once
        assertThat(second).isEqualTo(new SubmissionResult.Accepted(accepted(first), true));
        assertThat(first).isEqualTo(new SubmissionResult.Accepted(accepted(first), false));
        assertThat(complaints.all()).hasSize(1);
        assertThat(metrics.events()).containsExactly(IntakeEvent.REPLAYED);
        assertThat(metrics.measurements())
                .containsExactly(new ComplaintReceived(Channel.FORM, Classification.COMPLAINT, false));
    }

    @Test
    void submit_withAKeyOfOtherContent_isRefused_andStoresNothing() {
        var submitter = new Submitter(SOURCE, Optional.of(IdempotencyKey.client("c2b7a0e4")));
        var first = accepted(
                submit.submit(new ComplaintSubmission("14141611", "a@example.net", "spam", null, null), submitter));

        assertThatThrownBy(() -> submit.submit(
                        new ComplaintSubmission("14141611", "a@example.net", "other spam", null, null), submitter))
                .isInstanceOfSatisfying(
                        IdempotencyKeyReusedException.class,
                        e -> assertThat(e.original()).isEqualTo(first));
        assertThat(complaints.all()).hasSize(1);
    }

    @Test
    void submit_withTheKeyAnotherSourceUsed_isANewComplaint_andNoRefusalEverNamesTheOthers() {
        // GIVEN a complaint stored from one source with a key another caller can guess
        var key = IdempotencyKey.client("00000000-0000-0000-0000-000000000001");
        var mine = new Submitter(SOURCE, Optional.of(key));
        var theirs = new Submitter(Intakes.source("203.0.113.9"), Optional.of(key));
        var spam = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);
        var first = accepted(submit.submit(spam, mine));

        // WHEN another source sends other content with the same key
        var other = submit.submit(new ComplaintSubmission("14141611", "b@example.net", "other", null, null), theirs);

        // THEN it is a complaint of its own, not a replay of the first source's
        assertThat(other).isEqualTo(new SubmissionResult.Accepted(accepted(other), false));
        assertThat(accepted(other)).isNotEqualTo(first);
        assertThat(complaints.all()).hasSize(2);

        // AND WHEN that source then reuses the key for the first source's content, the refusal names its own complaint
        assertThatThrownBy(() -> submit.submit(spam, theirs))
                .isInstanceOfSatisfying(
                        IdempotencyKeyReusedException.class,
                        e -> assertThat(e.original()).isEqualTo(accepted(other)));
        // AND the first source's retry is still its own replay
        assertThat(submit.submit(spam, mine)).isEqualTo(new SubmissionResult.Accepted(first, true));
    }

    @Test
    void submit_afterTheIdempotencyWindow_storesANewComplaint() {
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);
        var submitter = new Submitter(SOURCE, Optional.of(IdempotencyKey.client("k")));
        var first = accepted(submit.submit(submission, submitter));

        clock.advance(SubmitComplaint.IDEMPOTENCY_WINDOW.plusSeconds(1));
        var later = accepted(submit.submit(submission, submitter));

        assertThat(later).isNotEqualTo(first);
        assertThat(complaints.all()).hasSize(2);
    }

    @Test
    void submit_overtakenByItsRetryBetweenKeyAndComplaint_acceptsTheOneComplaintTheRetryStored() {
        // GIVEN a first try that recorded its key, and whose complaint write comes after the client's retry: the
        // retry found the key and stored the complaint the key points at
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);
        var submitter = new Submitter(SOURCE, Optional.of(IdempotencyKey.client("double-click")));
        var retry = new AtomicReference<SubmissionResult>();
        var overtaken = Intakes.submitComplaint(
                new BeforeTheFirstAdd(complaints, () -> retry.set(submit.submit(submission, submitter))),
                idempotency,
                new InMemorySourceCounter(SourceLimit.DEFAULT),
                metrics,
                clock);

        // WHEN the first try writes it too
        var first = overtaken.submit(submission, submitter);

        // THEN both tries accept the one complaint, stored and counted received once
        assertThat(first).isEqualTo(new SubmissionResult.Accepted(accepted(retry.get()), false));
        assertThat(complaints.all()).hasSize(1);
        assertThat(metrics.measurements())
                .containsExactly(new ComplaintReceived(Channel.FORM, Classification.COMPLAINT, false));
    }

    @Test
    void submit_whenTheFirstTryStoppedAfterRecordingTheKey_theRetryStoresTheComplaint() {
        // GIVEN a first try that recorded its key and then failed to store the complaint
        var failingOnce = new BeforeTheFirstAdd(complaints, () -> {
            throw new IllegalStateException("timeout");
        });
        var flaky = Intakes.submitComplaint(
                failingOnce, idempotency, new InMemorySourceCounter(SourceLimit.DEFAULT), metrics, clock);
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);
        var submitter = new Submitter(SOURCE, Optional.of(IdempotencyKey.client("retry-me")));
        assertThatThrownBy(() -> flaky.submit(submission, submitter)).isInstanceOf(IllegalStateException.class);
        var recorded = idempotency.all().get(0).complaint();

        // WHEN the client retries with the same key
        var retry = accepted(flaky.submit(submission, submitter));

        // THEN the complaint the key points at is stored, received when the first try was, and counted then
        assertThat(retry).isEqualTo(recorded);
        assertThat(complaints.all()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(recorded);
            assertThat(c.receivedAt()).isEqualTo(NOW);
        });
        assertThat(metrics.measurements())
                .containsExactly(new ComplaintReceived(Channel.FORM, Classification.COMPLAINT, false));
    }

    @Test
    void submit_fromASourceOverItsLimit_isLimited_untilTheOldestComplaintLeavesTheWindow() {
        // GIVEN ten complaints from one source, one a minute
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);
        for (int i = 0; i < 10; i++) {
            accepted(submit.submit(submission, ANONYMOUS));
            clock.advance(Duration.ofMinutes(1));
        }

        // WHEN the eleventh comes, ten minutes after the first
        clock.advance(Duration.ofSeconds(-1));
        var eleventh = submit.submit(submission, ANONYMOUS);

        // THEN it is limited until the first leaves the window, one second later; nothing is stored
        assertThat(eleventh).isEqualTo(new SubmissionResult.Limited(Duration.ofSeconds(1)));
        assertThat(complaints.all()).hasSize(10);
        assertThat(metrics.events()).containsExactly(IntakeEvent.RATE_LIMITED);
        clock.advance(Duration.ofSeconds(1));
        accepted(submit.submit(submission, ANONYMOUS));
    }

    @Test
    void submit_countsEachSourceOnItsOwn() {
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);
        for (int i = 0; i < 10; i++) {
            accepted(submit.submit(submission, ANONYMOUS));
        }

        var other = submit.submit(submission, new Submitter(Intakes.source("203.0.113.9"), Optional.empty()));

        assertThat(other).isInstanceOf(SubmissionResult.Accepted.class);
    }

    @Test
    void submit_replaysEvenFromALimitedSource_withoutCountingTheReplay() {
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);
        var keyed = new Submitter(SOURCE, Optional.of(IdempotencyKey.client("first")));
        var first = accepted(submit.submit(submission, keyed));
        for (int i = 0; i < 9; i++) {
            accepted(submit.submit(submission, ANONYMOUS));
        }

        assertThat(submit.submit(submission, keyed)).isEqualTo(new SubmissionResult.Accepted(first, true));
        assertThat(submit.submit(submission, ANONYMOUS)).isInstanceOf(SubmissionResult.Limited.class);
    }

    private static ComplaintKey accepted(SubmissionResult result) {
        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        return ((SubmissionResult.Accepted) result).key();
    }

    private List<Violation> violations(ComplaintSubmission submission) {
        try {
            submit.submit(submission, ANONYMOUS);
            return List.of();
        } catch (InvalidSubmissionException e) {
            return e.violations();
        }
    }

    /** Complaints that do something else first when the first complaint is added: fail, or let another in. */
    private static final class BeforeTheFirstAdd implements Complaints {

        private final Complaints delegate;
        private final Runnable first;
        private boolean done;

        BeforeTheFirstAdd(Complaints delegate, Runnable first) {
            this.delegate = delegate;
            this.first = first;
        }

        @Override
        public void add(Complaint complaint) {
            if (!done) {
                done = true;
                first.run();
            }
            delegate.add(complaint);
        }

        @Override
        public Optional<Complaint> find(ComplaintKey key, Instant now) {
            return delegate.find(key, now);
        }

        @Override
        public boolean advance(ComplaintKey key, ComplaintState from, ComplaintState to) {
            return delegate.advance(key, from, to);
        }

        @Override
        public List<Complaint> awaitingNotification(MailingId mailingId, Instant now) {
            return delegate.awaitingNotification(mailingId, now);
        }

        @Override
        public long countSince(MailingId mailingId, Instant since) {
            return delegate.countSince(mailingId, since);
        }
    }
}
