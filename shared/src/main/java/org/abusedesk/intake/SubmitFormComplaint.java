package org.abusedesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;

/**
 * Takes a complaint in from the form page: pleasant for a person, useless for a bot, and losing nothing.
 *
 * <p>Invalid input comes back with every field named, as for anyone. A valid submission whose honeypot is filled,
 * or which came sooner after the page was served than a person fills a form, is a bot's: it gets a confirmation
 * like any other, and nothing is stored. A token that expired or is not ours brings the form back with a fresh
 * one, input kept, rather than dropping what a person may have written. The rest goes to {@link SubmitComplaint}
 * with the token's nonce as idempotency key, so a double click, a reload or the back button store one complaint.
 */
public final class SubmitFormComplaint {

    /** Three seconds: no person reads the form and fills in a message faster. */
    public static final Duration DEFAULT_MIN_FILL_TIME = Duration.ofSeconds(3);

    private final SubmitComplaint submitComplaint;
    private final FormTokens tokens;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final Duration minFillTime;

    public SubmitFormComplaint(
            SubmitComplaint submitComplaint,
            FormTokens tokens,
            IntakeMetrics metrics,
            Clock clock,
            Duration minFillTime) {
        this.submitComplaint = Objects.requireNonNull(submitComplaint, "submitComplaint == null");
        this.tokens = Objects.requireNonNull(tokens, "tokens == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.minFillTime = Objects.requireNonNull(minFillTime, "minFillTime == null");
        if (minFillTime.isNegative()) {
            throw new IllegalArgumentException("minFillTime is negative");
        }
    }

    /** A token for a form page served now. */
    public String newToken() {
        return tokens.issue(clock.instant());
    }

    /**
     * @throws InvalidSubmissionException naming every field that cannot be accepted; nothing is stored then
     */
    public FormResult submit(FormSubmission form) {
        var valid = submitComplaint.validator().validate(form.fields());
        var now = clock.instant();
        if (form.honeypot() != null && !form.honeypot().isEmpty()) {
            return decoy(valid, IntakeEvent.BOT_HONEYPOT);
        }
        FormToken token;
        switch (tokens.check(form.token(), now)) {
            case FormTokens.Check.Invalid invalid -> {
                metrics.count(IntakeEvent.FORM_TOKEN_INVALID);
                return sendAgain(FormResult.SendAgain.Reason.TOKEN_INVALID, now, Optional.empty());
            }
            case FormTokens.Check.Expired expired -> {
                metrics.count(IntakeEvent.FORM_TOKEN_EXPIRED);
                return sendAgain(FormResult.SendAgain.Reason.TOKEN_EXPIRED, now, Optional.empty());
            }
            case FormTokens.Check.Valid v -> token = v.token();
        }
        if (token.issuedAt().plus(minFillTime).isAfter(now)) {
            return decoy(valid, IntakeEvent.BOT_TOO_FAST);
        }
        SubmissionResult result;
        try {
            result = submitComplaint.submit(
                    form.fields(), new Submitter(form.source(), Optional.of(IdempotencyKey.form(token))));
        } catch (IdempotencyKeyReusedException e) {
            return sendAgain(FormResult.SendAgain.Reason.TOKEN_USED, now, Optional.of(e.original()));
        }
        return switch (result) {
            case SubmissionResult.Accepted accepted -> new FormResult.Confirmed(accepted.key());
            case SubmissionResult.Limited limited -> new FormResult.Limited(limited.retryAfter());
        };
    }

    private FormResult decoy(SubmissionValidator.Valid valid, IntakeEvent sign) {
        metrics.count(sign);
        return new FormResult.Confirmed(new ComplaintKey(valid.mailingId(), ComplaintId.generate()));
    }

    // Backdated by the fill time: a person who sends the form straight back is not taken for a bot.
    private FormResult sendAgain(FormResult.SendAgain.Reason reason, Instant now, Optional<ComplaintKey> sentBefore) {
        return new FormResult.SendAgain(reason, tokens.issue(now.minus(minFillTime)), sentBefore);
    }
}
