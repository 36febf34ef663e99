package org.abusedesk.console.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.abusedesk.console.Person;

/**
 * A signed-in person's session, held server-side and found by the hash of the random id in its cookie: who, the
 * CSRF token of their forms, and when it began and was last used.
 *
 * @param idHash SHA-256 of the cookie's id, base64url: the table never holds an id that would sign anyone in
 */
public record Session(String idHash, Person person, String csrfToken, Instant createdAt, Instant lastSeenAt) {

    public Session {
        Objects.requireNonNull(idHash, "idHash == null");
        Objects.requireNonNull(person, "person == null");
        Objects.requireNonNull(csrfToken, "csrfToken == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt == null");
    }

    /** Whether it still holds at {@code now}: used within the idle lifetime, and begun within the absolute one. */
    public boolean validAt(Instant now, Duration idle, Duration absolute) {
        return now.isBefore(lastSeenAt.plus(idle))
                && now.isBefore(createdAt.plus(absolute))
                && !now.isBefore(createdAt);
    }

    @Override
    public String toString() {
        return "Session[" + person.subject() + "]";
    }
}
