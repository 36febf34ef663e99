package org.abusedesk.people;

import java.util.Objects;

/**
 * Who did something the desk records: the subject their sign-in names them by (the user pool's {@code sub}, or a
 * machine client's id), which events carry, and the name or e-mail address the history shows.
 */
public record Actor(String subject, String name) {

    public static final int MAX_CHARS = 200;

    public Actor {
        check("subject", subject);
        check("name", name);
    }

    /** Someone known by one name only: a machine client, or a token without a separate subject. */
    public static Actor named(String name) {
        return new Actor(name, name);
    }

    private static void check(String field, String value) {
        Objects.requireNonNull(value, field + " == null");
        if (value.isBlank() || value.length() > MAX_CHARS) {
            throw new IllegalArgumentException("actor's " + field + " must be 1 to " + MAX_CHARS + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new IllegalArgumentException("actor's " + field + " contains a control character or line break");
        }
    }

    @Override
    public String toString() {
        return "Actor[" + subject + "]";
    }
}
