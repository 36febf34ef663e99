package org.abusedesk.complaint;

import java.util.Objects;
import java.util.Optional;

/** The person who complained: personal data, kept only in the complaint item and never logged. */
public record Complainant(String email, Optional<String> name, Salutation salutation, Language language) {

    public Complainant {
        Objects.requireNonNull(email, "email == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(salutation, "salutation == null");
        Objects.requireNonNull(language, "language == null");
    }

    @Override
    public String toString() {
        return "Complainant[redacted]";
    }
}
