package org.abusedesk.form;

import java.util.Locale;
import org.abusedesk.complaint.Language;

/** What is wrong with a request as a whole, before or beside its fields, in each language of the API. */
enum RequestProblem {
    METHOD_NOT_ALLOWED("method", "only %s is allowed", "nur %s ist erlaubt"),
    UNSUPPORTED_TYPE(
            "content-type",
            "must be application/json or application/x-www-form-urlencoded",
            "muss application/json oder application/x-www-form-urlencoded sein"),
    TOO_LARGE("body", "must be at most %s bytes", "darf höchstens %s Bytes groß sein"),
    NOT_BASE64("body", "is not valid base64", "ist kein gültiges Base64"),
    NOT_A_JSON_OBJECT("body", "must be a JSON object", "muss ein JSON-Objekt sein"),
    NOT_A_STRING("", "must be a string", "muss ein Text sein"),
    NOT_A_BOOLEAN("", "must be true or false", "muss true oder false sein"),
    IDEMPOTENCY_KEY_INVALID(
            "Idempotency-Key",
            "must be 1 to 255 printable ASCII characters",
            "muss aus 1 bis 255 druckbaren ASCII-Zeichen bestehen"),
    IDEMPOTENCY_KEY_REUSED(
            "Idempotency-Key",
            "was used for another complaint (reference %s)",
            "wurde schon für eine andere Beschwerde verwendet (Aktenzeichen %s)"),
    RATE_LIMITED(
            "",
            "too many complaints from this address; try again in %s seconds",
            "zu viele Beschwerden von dieser Adresse; bitte in %s Sekunden erneut versuchen"),
    NOT_FOUND("", "no such resource", "diese Adresse gibt es nicht"),
    BUSY(
            "",
            "the desk is busy; try again in %s seconds",
            "zu viele Anfragen gerade; bitte in %s Sekunden erneut versuchen"),
    INTERNAL("", "internal error, please try again", "interner Fehler, bitte versuchen Sie es erneut");

    private final String field;
    private final String english;
    private final String german;

    RequestProblem(String field, String english, String german) {
        this.field = field;
        this.english = english;
        this.german = german;
    }

    ApiError error(Language language, Object... arguments) {
        return error(field, language, arguments);
    }

    /** The error naming another field than the problem's own, e.g. the JSON field that is no string. */
    ApiError error(String otherField, Language language, Object... arguments) {
        return new ApiError(
                otherField, String.format(Locale.ROOT, language == Language.DE ? german : english, arguments));
    }
}
