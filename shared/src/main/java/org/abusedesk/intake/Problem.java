package org.abusedesk.intake;

import java.util.Locale;
import org.abusedesk.complaint.Language;

/** Why a submitted field cannot be accepted, in the words an API client reads in each language. */
public enum Problem {
    REQUIRED("is required", "ist erforderlich"),
    TOO_LONG("must be at most %d characters", "darf höchstens %d Zeichen lang sein"),
    NOT_SINGLE_LINE(
            "must be a single line without control characters", "muss eine einzige Zeile ohne Steuerzeichen sein"),
    INVALID_EMAIL("is not a valid e-mail address", "ist keine gültige E-Mail-Adresse"),
    INVALID_MAILING_ID("is not a valid Mailing ID", "ist keine gültige Mailing-ID"),
    UNKNOWN_SALUTATION("must be one of HERR, FRAU, NONE", "muss HERR, FRAU oder NONE sein");

    private final String english;
    private final String german;

    Problem(String english, String german) {
        this.english = english;
        this.german = german;
    }

    /** The message, with the field's limit filled in where it names one. */
    public String message(Language language, int limit) {
        String pattern = language == Language.DE ? german : english;
        return String.format(Locale.ROOT, pattern, limit);
    }
}
