package org.abusedesk.console;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.abusedesk.config.Environment;

/**
 * Where the console is and whom it trusts: its own URL (for the sign-in's callback and the sign-out's return), the
 * OpenID provider's endpoints and the console's client there, the groups that give read and write, and how long a
 * session lasts idle and at most.
 */
public record ConsoleSettings(
        URI consoleUrl,
        String issuer,
        URI authorizeUrl,
        URI tokenUrl,
        URI logoutUrl,
        URI jwksUrl,
        String clientId,
        String readGroup,
        String writeGroup,
        Duration idleLifetime,
        Duration absoluteLifetime) {

    public ConsoleSettings {
        Objects.requireNonNull(consoleUrl, "consoleUrl == null");
        Objects.requireNonNull(issuer, "issuer == null");
        Objects.requireNonNull(authorizeUrl, "authorizeUrl == null");
        Objects.requireNonNull(tokenUrl, "tokenUrl == null");
        Objects.requireNonNull(logoutUrl, "logoutUrl == null");
        Objects.requireNonNull(jwksUrl, "jwksUrl == null");
        Objects.requireNonNull(clientId, "clientId == null");
        Objects.requireNonNull(readGroup, "readGroup == null");
        Objects.requireNonNull(writeGroup, "writeGroup == null");
        if (idleLifetime.isNegative() || idleLifetime.isZero() || absoluteLifetime.compareTo(idleLifetime) < 0) {
            throw new IllegalArgumentException("a session needs a positive idle lifetime within its absolute one");
        }
        if (consoleUrl.getPath() == null || !consoleUrl.getPath().endsWith("/console")) {
            throw new IllegalArgumentException("the console's URL must end in /console: " + consoleUrl);
        }
    }

    /**
     * From a function's environment: {@code CONSOLE_URL}, {@code CONSOLE_OIDC_ISSUER}, {@code CONSOLE_OIDC_BASE_URL}
     * (Cognito's domain: {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /logout} below it),
     * {@code CONSOLE_CLIENT_ID}, the groups, and the lifetimes in minutes.
     */
    public static ConsoleSettings of(Environment environment) {
        String issuer = environment.require("CONSOLE_OIDC_ISSUER").strip();
        String base = environment.require("CONSOLE_OIDC_BASE_URL").strip();
        return new ConsoleSettings(
                URI.create(environment.require("CONSOLE_URL").strip()),
                issuer,
                URI.create(base + "/oauth2/authorize"),
                URI.create(base + "/oauth2/token"),
                URI.create(base + "/logout"),
                URI.create(issuer + "/.well-known/jwks.json"),
                environment.require("CONSOLE_CLIENT_ID").strip(),
                environment.require("CONSOLE_READ_GROUP").strip(),
                environment.require("CONSOLE_WRITE_GROUP").strip(),
                Duration.ofMinutes(environment.requirePositiveInt("CONSOLE_SESSION_IDLE_MINUTES")),
                Duration.ofMinutes(environment.requirePositiveInt("CONSOLE_SESSION_MAX_MINUTES")));
    }

    /** The page the provider sends the person back to with the code. */
    public URI callbackUrl() {
        return URI.create(consoleUrl + "/callback");
    }

    /** The page the provider sends the person to once signed out there too. */
    public URI signedOutUrl() {
        return URI.create(consoleUrl + "/signedout");
    }

    /** The console's path on its host, {@code /console} or a stage's prefix before it. */
    public String basePath() {
        return consoleUrl.getRawPath();
    }
}
