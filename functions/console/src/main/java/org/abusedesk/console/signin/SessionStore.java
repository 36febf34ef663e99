package org.abusedesk.console.signin;

import java.time.Instant;
import java.util.Optional;

/** Where sessions and sign-ins under way are kept, each until its expiry. */
public interface SessionStore {

    void create(Session session, Instant expiresAt);

    Optional<Session> find(String idHash);

    /** Records that the session was used at {@code at}. */
    void touch(String idHash, Instant at);

    void delete(String idHash);

    void begin(SignInAttempt attempt);

    /** The sign-in under this state's hash, removed as it is read: a state is good for one callback. */
    Optional<SignInAttempt> take(String stateHash, Instant now);
}
