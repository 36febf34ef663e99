package org.abusedesk.complaint;

import java.util.Arrays;
import java.util.Optional;

/** The form's "Anrede"; {@link #NONE} when the complainant chose not to give one. */
public enum Salutation {
    HERR,
    FRAU,
    NONE;

    /** Reads a submitted value case-insensitively; empty for a value that is no salutation. */
    public static Optional<Salutation> parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(value.strip()))
                .findFirst();
    }
}
