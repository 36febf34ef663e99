package org.abusedesk.config;

import java.time.Duration;
import org.abusedesk.account.Thresholds;
import org.abusedesk.cases.AbuseDeskContact;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.thread.ReplyAddress;

/** The desk's policies as a deployment sets them: each read from the environment here, so domain types never read it. */
public final class DeskSettings {

    private DeskSettings() {}

    /** The format {@code MAILING_ID_PATTERN} sets, else the default. */
    public static MailingIdFormat mailingIdFormat(Environment environment) {
        try {
            return environment
                    .optional("MAILING_ID_PATTERN")
                    .map(MailingIdFormat::of)
                    .orElse(MailingIdFormat.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable MAILING_ID_PATTERN " + e.getMessage(), e);
        }
    }

    /** The WATCH, FLAGGED and PAUSED thresholds and the window they are counted in. */
    public static Thresholds thresholds(Environment environment) {
        return new Thresholds(
                environment.requireDecimal("WATCH_RATE_PERCENT"),
                environment.requirePositiveInt("WATCH_MIN_COMPLAINTS"),
                environment.requireDecimal("FLAGGED_RATE_PERCENT"),
                environment.requirePositiveInt("FLAGGED_MIN_COMPLAINTS"),
                environment.requireDecimal("PAUSED_RATE_PERCENT"),
                environment.requirePositiveInt("PAUSED_MIN_VERIFIED_COMPLAINTS"),
                environment.requirePositiveInt("FLAGGED_WITHOUT_RECIPIENTS_IN_24H"),
                Duration.ofDays(environment.requirePositiveInt("RATE_WINDOW_DAYS")));
    }

    /** The profile {@code RESOLUTION_PROFILE} sets as JSON, else the default. */
    public static ResolutionProfile resolutionProfile(Environment environment) {
        return environment
                .optional("RESOLUTION_PROFILE")
                .map(ResolutionProfile::fromJson)
                .orElse(ResolutionProfile.DEFAULT);
    }

    /** From {@code ABUSE_DESK_ORGANISATION} and {@code ABUSE_ADDRESS}, the address complainants write to. */
    public static AbuseDeskContact abuseDeskContact(Environment environment) {
        return AbuseDeskContact.of(
                environment.require("ABUSE_DESK_ORGANISATION"), environment.require("ABUSE_ADDRESS"));
    }

    /** The Reply-To of customer notices: the abuse address labelled, valid as long as a case is kept. */
    public static ReplyAddress replyAddress(Environment environment, IntakeSecret key) {
        return new ReplyAddress(
                environment.require("ABUSE_ADDRESS"),
                key,
                Duration.ofDays(environment.requirePositiveInt("RETENTION_DAYS")));
    }

    /** How long a sending customer is given to answer a notice. */
    public static Duration customerAnswerTime(Environment environment) {
        return Duration.ofDays(environment
                .optional("CUSTOMER_ANSWER_DAYS")
                .map(Integer::parseInt)
                .orElse(7));
    }
}
