package org.abusedesk.intake;

/** What the intake counts, as metrics; never who or what was sent. */
public enum IntakeEvent {
    /** A valid form submission whose hidden honeypot field was filled: a bot, given a decoy success. */
    BOT_HONEYPOT("BotHoneypot"),
    /** A valid form submission sent sooner after the page was served than a person can: a decoy success. */
    BOT_TOO_FAST("BotTooFast"),
    /** A form submission whose token was missing or not ours: the form was served again. */
    FORM_TOKEN_INVALID("FormTokenInvalid"),
    /** A form submission older than a token lives: the form was served again. */
    FORM_TOKEN_EXPIRED("FormTokenExpired"),
    /** A source over its limit: 429. */
    RATE_LIMITED("RateLimited"),
    /** A retry with a known idempotency key: the first complaint's reference again. */
    REPLAYED("IdempotentReplays");

    private final String metricName;

    IntakeEvent(String metricName) {
        this.metricName = metricName;
    }

    public String metricName() {
        return metricName;
    }
}
