package org.abusedesk.intake;

import java.util.Objects;
import org.abusedesk.complaint.Language;

/**
 * One field of a submission that cannot be accepted, and why.
 *
 * @param limit the limit the field broke, for {@link Problem#TOO_LONG}; 0 otherwise
 */
public record Violation(String field, Problem problem, int limit) {

    public Violation {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(problem, "problem == null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0");
        }
    }

    public Violation(String field, Problem problem) {
        this(field, problem, 0);
    }

    public String message(Language language) {
        return problem.message(language, limit);
    }
}
