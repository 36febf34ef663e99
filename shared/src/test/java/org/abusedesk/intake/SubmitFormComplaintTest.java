package org.abusedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.metrics.Measurement.ComplaintReceived;
import org.junit.jupiter.api.Test;

class SubmitFormComplaintTest {

    private static final Instant SERVED = Instant.parse("2026-11-28T10:15:30Z");
    private static final SourceKey SOURCE = Intakes.source("198.51.100.23");
    private static final ComplaintSubmission FIELDS =
            new ComplaintSubmission("14141611", "a@example.net", "spam", "HERR", "Max Muster", Language.DE);

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MutableClock clock = new MutableClock(SERVED);
    private final FormTokens tokens = new FormTokens(Intakes.SECRET);
    private final SubmitFormComplaint submit = new SubmitFormComplaint(
            Intakes.submitComplaint(
                    complaints,
                    new InMemoryIdempotencyRecords(),
                    new InMemorySourceCounter(SourceLimit.DEFAULT),
                    metrics,
                    clock),
            tokens,
            metrics,
            clock,
            Duration.ofSeconds(3));

    @Test
    void submit_ofAFormFilledInLikeAPerson_storesTheComplaint_andConfirmsIt() {
        // GIVEN a form served, filled in over a minute
        String token = submit.newToken();
        clock.advance(Duration.ofMinutes(1));

        // WHEN it is sent
        var result = submit.submit(new FormSubmission(FIELDS, token, "", SOURCE));

        // THEN the complaint is stored and its reference confirmed
        assertThat(complaints.all()).singleElement().satisfies(c -> {
            assertThat(result).isEqualTo(new FormResult.Confirmed(c.key()));
            assertThat(c.complainant().language()).isEqualTo(Language.DE);
        });
        assertThat(metrics.events()).isEmpty();
    }

    @Test
    void submit_twice_withTheSameToken_confirmsOneComplaint() {
        String token = submit.newToken();
        clock.advance(Duration.ofMinutes(1));

        var first = submit.submit(new FormSubmission(FIELDS, token, null, SOURCE));
        clock.advance(Duration.ofMillis(300));
        var doubleClick = submit.submit(new FormSubmission(FIELDS, token, null, SOURCE));

        assertThat(doubleClick).isEqualTo(first);
        assertThat(complaints.all()).hasSize(1);
        assertThat(metrics.measurements())
                .containsExactly(new ComplaintReceived(Channel.FORM, Classification.COMPLAINT, false));
    }

    @Test
    void submit_withTheHoneypotFilled_confirmsADecoy_storesNothing_andCountsTheBot() {
        String token = submit.newToken();
        clock.advance(Duration.ofMinutes(1));

        var result = submit.submit(new FormSubmission(FIELDS, token, "https://spam.example", SOURCE));

        assertThat(result)
                .isInstanceOfSatisfying(
                        FormResult.Confirmed.class,
                        confirmed ->
                                assertThat(confirmed.key().mailingId().value()).isEqualTo("14141611"));
        assertThat(complaints.all()).isEmpty();
        assertThat(metrics.events()).containsExactly(IntakeEvent.BOT_HONEYPOT);
        assertThat(metrics.measurements()).isEmpty();
    }

    @Test
    void submit_soonerThanAPersonFillsAForm_confirmsADecoy_andStoresNothing() {
        String token = submit.newToken();
        clock.advance(Duration.ofMillis(2_999));

        var result = submit.submit(new FormSubmission(FIELDS, token, "", SOURCE));

        assertThat(result).isInstanceOf(FormResult.Confirmed.class);
        assertThat(complaints.all()).isEmpty();
        assertThat(metrics.events()).containsExactly(IntakeEvent.BOT_TOO_FAST);
    }

    @Test
    void submit_afterExactlyTheMinimumFillTime_isAPersons() {
        String token = submit.newToken();
        clock.advance(Duration.ofSeconds(3));

        submit.submit(new FormSubmission(FIELDS, token, "", SOURCE));

        assertThat(complaints.all()).hasSize(1);
    }

    @Test
    void submit_withInvalidFields_namesThemEvenForABot() {
        String token = submit.newToken();

        assertThatThrownBy(() -> submit.submit(new FormSubmission(
                        new ComplaintSubmission("", "a@example.net", "spam", null, null), token, "x", SOURCE)))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.violations()).containsExactly(new Violation("mailingId", Problem.REQUIRED)));
        assertThat(metrics.events()).isEmpty();
    }

    @Test
    void submit_withAForgedOrMissingToken_bringsTheFormBackWithAFreshToken() {
        for (String token : new String[] {null, "", "1795688130.AAAAAAAAAAAAAAAAAAAAAA.forged", "garbage"}) {
            var result = submit.submit(new FormSubmission(FIELDS, token, "", SOURCE));

            assertThat(result).isInstanceOfSatisfying(FormResult.SendAgain.class, again -> {
                assertThat(again.reason()).isEqualTo(FormResult.SendAgain.Reason.TOKEN_INVALID);
                assertThat(tokens.check(again.freshToken(), clock.instant()))
                        .isInstanceOf(FormTokens.Check.Valid.class);
            });
        }
        assertThat(complaints.all()).isEmpty();
    }

    @Test
    void submit_withAnExpiredToken_bringsTheFormBack_andTheFreshTokenMaySendAtOnce() {
        String token = submit.newToken();
        clock.advance(FormTokens.MAX_AGE.plusSeconds(1));

        var result = (FormResult.SendAgain) submit.submit(new FormSubmission(FIELDS, token, "", SOURCE));
        var sentAgain = submit.submit(new FormSubmission(FIELDS, result.freshToken(), "", SOURCE));

        assertThat(result.reason()).isEqualTo(FormResult.SendAgain.Reason.TOKEN_EXPIRED);
        assertThat(sentAgain).isInstanceOf(FormResult.Confirmed.class);
        assertThat(complaints.all()).hasSize(1);
        assertThat(metrics.events()).containsExactly(IntakeEvent.FORM_TOKEN_EXPIRED);
    }

    @Test
    void submit_ofOtherContentWithAUsedToken_bringsTheFormBack_namingTheFirstComplaint() {
        String token = submit.newToken();
        clock.advance(Duration.ofMinutes(1));
        var first = (FormResult.Confirmed) submit.submit(new FormSubmission(FIELDS, token, "", SOURCE));

        var changed = new ComplaintSubmission("14141611", "a@example.net", "more spam", null, null);
        var result = submit.submit(new FormSubmission(changed, token, "", SOURCE));

        assertThat(result).isInstanceOfSatisfying(FormResult.SendAgain.class, again -> {
            assertThat(again.reason()).isEqualTo(FormResult.SendAgain.Reason.TOKEN_USED);
            assertThat(again.sentBefore()).isEqualTo(Optional.of(first.key()));
        });
        assertThat(complaints.all()).hasSize(1);
    }

    @Test
    void submit_fromASourceOverItsLimit_isLimited() {
        for (int i = 0; i < 10; i++) {
            String token = submit.newToken();
            clock.advance(Duration.ofSeconds(10));
            submit.submit(new FormSubmission(FIELDS, token, "", SOURCE));
        }
        String token = submit.newToken();
        clock.advance(Duration.ofSeconds(10));

        var result = submit.submit(new FormSubmission(FIELDS, token, "", SOURCE));

        assertThat(result).isEqualTo(new FormResult.Limited(Duration.ofSeconds(500)));
        assertThat(complaints.all()).hasSize(10);
    }
}
