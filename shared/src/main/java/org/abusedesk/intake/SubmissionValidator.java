package org.abusedesk.intake;

import com.sanctionco.jmail.JMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;

/** Checks a submission field by field and turns it into domain values, or names every field that is wrong. */
final class SubmissionValidator {

    /** What a valid submission contains, in domain types. */
    record Valid(MailingId mailingId, Complainant complainant, String message) {}

    Valid validate(ComplaintSubmission submission) {
        var violations = new ArrayList<Violation>();
        String mailingId =
                singleLine("mailingId", submission.mailingId(), InputLimits.MAX_MAILING_ID_CHARS, true, violations);
        String email = singleLine("email", submission.email(), InputLimits.MAX_EMAIL_CHARS, true, violations);
        if (email != null && !JMail.isValid(email)) {
            violations.add(new Violation("email", "is not a valid e-mail address"));
        }
        String message = required("message", submission.message(), violations);
        if (message != null && message.length() > InputLimits.MAX_MESSAGE_CHARS) {
            violations.add(tooLong("message", InputLimits.MAX_MESSAGE_CHARS));
        }
        String name = singleLine("name", submission.name(), InputLimits.MAX_NAME_CHARS, false, violations);
        Salutation salutation = salutation(submission.salutation(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        return new Valid(
                new MailingId(mailingId),
                new Complainant(
                        email,
                        Optional.ofNullable(name),
                        salutation,
                        Objects.requireNonNullElse(submission.language(), Language.DE)),
                message);
    }

    private static String singleLine(
            String field, String value, int maxChars, boolean required, List<Violation> violations) {
        String stripped = required ? required(field, value, violations) : blankToNull(value);
        if (stripped == null) {
            return null;
        }
        if (stripped.length() > maxChars) {
            violations.add(tooLong(field, maxChars));
            return null;
        }
        if (stripped.codePoints().anyMatch(SubmissionValidator::isLineBreakOrControl)) {
            violations.add(new Violation(field, "must be a single line without control characters"));
            return null;
        }
        return stripped;
    }

    private static String required(String field, String value, List<Violation> violations) {
        String stripped = blankToNull(value);
        if (stripped == null) {
            violations.add(new Violation(field, "is required"));
        }
        return stripped;
    }

    private static Salutation salutation(String value, List<Violation> violations) {
        String stripped = blankToNull(value);
        if (stripped == null) {
            return Salutation.NONE;
        }
        return Salutation.parse(stripped).orElseGet(() -> {
            violations.add(new Violation("salutation", "must be one of HERR, FRAU, NONE"));
            return Salutation.NONE;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Violation tooLong(String field, int maxChars) {
        return new Violation(field, "must be at most " + maxChars + " characters");
    }

    // U+2028 and U+2029 end lines for some mail and JavaScript readers, so they count as line breaks too.
    private static boolean isLineBreakOrControl(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029;
    }
}
