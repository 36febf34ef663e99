package org.abusedesk.console;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.abusedesk.console.signin.Session;
import org.abusedesk.console.signin.SessionStore;
import org.abusedesk.console.signin.SignInAttempt;

/** Sessions and sign-ins in memory, as the DynamoDB store keeps them. */
final class InMemorySessionStore implements SessionStore {

    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    final Map<String, SignInAttempt> attempts = new ConcurrentHashMap<>();

    @Override
    public void create(Session session, Instant expiresAt) {
        sessions.put(session.idHash(), session);
        expiries.put(session.idHash(), expiresAt);
    }

    @Override
    public Optional<Session> find(String idHash) {
        return Optional.ofNullable(sessions.get(idHash));
    }

    @Override
    public void touch(String idHash, Instant at) {
        sessions.computeIfPresent(
                idHash, (k, s) -> new Session(s.idHash(), s.person(), s.csrfToken(), s.createdAt(), at));
    }

    @Override
    public void delete(String idHash) {
        sessions.remove(idHash);
    }

    @Override
    public void begin(SignInAttempt attempt) {
        attempts.put(attempt.stateHash(), attempt);
    }

    @Override
    public Optional<SignInAttempt> take(String stateHash, Instant now) {
        return Optional.ofNullable(attempts.remove(stateHash)).filter(a -> now.isBefore(a.expiresAt()));
    }
}
