package org.abusedesk.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.abusedesk.snapstart.Randomness;

/** Issues and checks the signed tokens of form pages: {@code <issued epoch second>.<nonce>.<signature>}. */
public final class FormTokens {

    /** How long a served form can be sent; a person who took longer sees it again, input kept. */
    public static final Duration MAX_AGE = Duration.ofHours(24);

    private static final String USE = "form-token";
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,12})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    // Lambda instances' clocks differ a little: a token a moment "from the future" is still ours.
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final IntakeSecret secret;

    public FormTokens(IntakeSecret secret) {
        this.secret = Objects.requireNonNull(secret, "secret == null");
    }

    /** What reading a submitted token found. */
    public sealed interface Check {

        /** Signed by us and not too old. */
        record Valid(FormToken token) implements Check {}

        /** Signed by us, but older than {@link #MAX_AGE}. */
        record Expired() implements Check {}

        /** Missing, malformed or not signed by us. */
        record Invalid() implements Check {}
    }

    /** A new token for a form served at {@code issuedAt}. */
    public String issue(Instant issuedAt) {
        byte[] nonce = new byte[16];
        Randomness.secureRandom().nextBytes(nonce);
        String data = issuedAt.getEpochSecond() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return data + "." + secret.sign(USE, data);
    }

    public Check check(String token, Instant now) {
        if (token == null) {
            return new Check.Invalid();
        }
        var matcher = SHAPE.matcher(token);
        if (!matcher.matches()) {
            return new Check.Invalid();
        }
        String data = matcher.group(1) + "." + matcher.group(2);
        // A token served just before the intake secret was rotated stays valid for its lifetime.
        if (!secret.verify(USE, data, matcher.group(3), now, MAX_AGE)) {
            return new Check.Invalid();
        }
        var issuedAt = Instant.ofEpochSecond(Long.parseLong(matcher.group(1)));
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return new Check.Invalid();
        }
        if (issuedAt.plus(MAX_AGE).isBefore(now)) {
            return new Check.Expired();
        }
        return new Check.Valid(new FormToken(issuedAt, matcher.group(2)));
    }
}
