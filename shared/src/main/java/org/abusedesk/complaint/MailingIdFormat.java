package org.abusedesk.complaint;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shape of a Mailing ID, part of the resolution profile: what the form accepts as one, and what is looked for
 * in mail. The default is defined here and nowhere else; the {@code MAILING_ID_PATTERN} setting replaces it.
 */
public final class MailingIdFormat {

    /** 1 to 64 letters, digits, '.', '_' or '-'. */
    public static final String DEFAULT_PATTERN = "[A-Za-z0-9._-]{1,64}";

    public static final MailingIdFormat DEFAULT = of(DEFAULT_PATTERN);

    // What people paste along with the ID: the header's name, or the words the ESP's page uses for it.
    private static final Pattern LABEL =
            Pattern.compile("(?i)^(?:x-mailing(?:-id)?|mailing[ _-]?id)(?:\\s*[:#]\\s*|\\s+)(\\S.*)$");

    private final Pattern pattern;

    private MailingIdFormat(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The format of this regular expression, which a whole Mailing ID must match. */
    public static MailingIdFormat of(String regex) {
        Objects.requireNonNull(regex, "regex == null");
        try {
            return new MailingIdFormat(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression for Mailing IDs: " + regex, e);
        }
    }

    public boolean matches(String candidate) {
        return pattern.matcher(candidate).matches();
    }

    /** The typed or pasted value without a leading label such as {@code X-Mailing:} or {@code Mailing ID #}. */
    public static String withoutLabel(String typed) {
        Matcher matcher = LABEL.matcher(typed.strip());
        return matcher.matches() ? matcher.group(1).strip() : typed.strip();
    }

    public String pattern() {
        return pattern.pattern();
    }

    @Override
    public String toString() {
        return "MailingIdFormat[" + pattern.pattern() + "]";
    }
}
