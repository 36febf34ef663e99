package org.abusedesk.complaint;

import java.util.Objects;
import java.util.Optional;

/**
 * The person who complained: personal data, kept only in the complaint item and never logged.
 *
 * @param consentToShare whether they agreed that the sending customer may be told their address, to show where it
 *     came from; off unless they ticked it on the form or sent it through the API
 */
public record Complainant(
        String email, Optional<String> name, Salutation salutation, Language language, boolean consentToShare) {

    public Complainant {
        Objects.requireNonNull(email, "email == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(salutation, "salutation == null");
        Objects.requireNonNull(language, "language == null");
    }

    /** A complainant who gave no consent to share their address. */
    public Complainant(String email, Optional<String> name, Salutation salutation, Language language) {
        this(email, name, salutation, language, false);
    }

    @Override
    public String toString() {
        return "Complainant[redacted]";
    }
}
