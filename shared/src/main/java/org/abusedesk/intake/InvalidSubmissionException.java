package org.abusedesk.intake;

import java.util.List;

/** A submission with at least one field that cannot be accepted; nothing was stored. */
public final class InvalidSubmissionException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidSubmissionException(List<Violation> violations) {
        super("invalid fields: " + violations.stream().map(Violation::field).toList());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations is empty");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
