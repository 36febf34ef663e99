package org.abusedesk.intake;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.complaint.Salutation;

/** Checks a submission field by field and turns it into domain values, or names every field that is wrong. */
final class SubmissionValidator {

    /** What a valid submission contains, in domain types. */
    record Valid(MailingId mailingId, Complainant complainant, String message) {}

    // One address and nothing else: no display name ("Erika <a@example.net>"), comments, whitespace, IP domains.
    private static final EmailValidator EMAIL = JMail.strictValidator()
            .disallowQuotedIdentifiers()
            .disallowExplicitSourceRouting()
            .disallowObsoleteWhitespace()
            .withRule(email -> email.comments().isEmpty(), "comments")
            .withRule(email -> !email.containsWhitespace(), "whitespace");

    private final MailingIdFormat mailingIdFormat;

    SubmissionValidator(MailingIdFormat mailingIdFormat) {
        this.mailingIdFormat = Objects.requireNonNull(mailingIdFormat, "mailingIdFormat == null");
    }

    Valid validate(ComplaintSubmission submission) {
        var violations = new ArrayList<Violation>();
        String mailingId = mailingId(submission.mailingId(), violations);
        String email = email(submission.email(), violations);
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
                        Objects.requireNonNullElse(submission.language(), Language.DE),
                        submission.consentToShare()),
                message);
    }

    private String mailingId(String typed, List<Violation> violations) {
        // The length counts after the label is taken off: "X-Mailing: " plus 64 characters is still an ID.
        String value = singleLine("mailingId", typed, Integer.MAX_VALUE, true, violations);
        if (value == null) {
            return null;
        }
        String id = MailingIdFormat.withoutLabel(value);
        if (id.length() > InputLimits.MAX_MAILING_ID_CHARS) {
            violations.add(tooLong("mailingId", InputLimits.MAX_MAILING_ID_CHARS));
            return null;
        }
        if (!mailingIdFormat.matches(id)) {
            violations.add(new Violation("mailingId", Problem.INVALID_MAILING_ID));
            return null;
        }
        return id;
    }

    private static String email(String typed, List<Violation> violations) {
        String email = singleLine("email", typed, InputLimits.MAX_EMAIL_CHARS, true, violations);
        if (email == null) {
            return null;
        }
        if (!EMAIL.isValid(email)) {
            violations.add(new Violation("email", Problem.INVALID_EMAIL));
            return null;
        }
        // SMTP counts the punycoded form: an IDN domain may grow past the limit on the way, or past a label's.
        int at = email.lastIndexOf('@');
        String asciiDomain;
        try {
            asciiDomain = IDN.toASCII(email.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("email", Problem.INVALID_EMAIL));
            return null;
        }
        if (at + 1 + asciiDomain.length() > InputLimits.MAX_EMAIL_CHARS) {
            violations.add(tooLong("email", InputLimits.MAX_EMAIL_CHARS));
            return null;
        }
        return email;
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
            violations.add(new Violation(field, Problem.NOT_SINGLE_LINE));
            return null;
        }
        return stripped;
    }

    private static String required(String field, String value, List<Violation> violations) {
        String stripped = blankToNull(value);
        if (stripped == null) {
            violations.add(new Violation(field, Problem.REQUIRED));
        }
        return stripped;
    }

    private static Salutation salutation(String value, List<Violation> violations) {
        String stripped = blankToNull(value);
        if (stripped == null) {
            return Salutation.NONE;
        }
        return Salutation.parse(stripped).orElseGet(() -> {
            violations.add(new Violation("salutation", Problem.UNKNOWN_SALUTATION));
            return Salutation.NONE;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Violation tooLong(String field, int maxChars) {
        return new Violation(field, Problem.TOO_LONG, maxChars);
    }

    // U+2028 and U+2029 end lines for some mail and JavaScript readers, so they count as line breaks too.
    private static boolean isLineBreakOrControl(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029;
    }
}
