package org.abusedesk.console.pages;

import java.util.List;
import java.util.Objects;

/**
 * A page that says why a request cannot be answered: no such page, a wrong method, a field that cannot be taken,
 * or a change that someone else's change got ahead of.
 *
 * @param errors the fields that cannot be taken and why; empty when the problem is not a field's
 * @param backUrl where to go on from here
 */
public record ProblemView(Frame f, String text, List<String> errors, String backUrl) {

    public ProblemView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(text, "text == null");
        errors = List.copyOf(errors);
        Objects.requireNonNull(backUrl, "backUrl == null");
    }
}
