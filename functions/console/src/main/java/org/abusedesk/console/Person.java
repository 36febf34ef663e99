package org.abusedesk.console;

import java.util.Objects;

/**
 * The person signed in to the console, as their ID token names them: the subject, a name or e-mail address to show
 * in the history, and what their group lets them do.
 */
public record Person(String subject, String name, Role role) {

    /** What a person may do: read everything, or read and change. */
    public enum Role {
        READ,
        WRITE
    }

    public Person {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(role, "role == null");
    }

    public boolean canWrite() {
        return role == Role.WRITE;
    }
}
