package org.abusedesk.console;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.config.Environment;

/**
 * Where the console is and whom it trusts: its own URL (for the sign-in's callback and the sign-out's return; without
 * a custom domain, the API's host as the request names it), the OpenID provider's endpoints and the console's client
 * there, the groups that give read and write, and how long a session lasts idle and at most.
 */
public record ConsoleSettings(
        Optional<URI> consoleUrl,
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
        if (consoleUrl.isPresent() && !consoleUrl.get().toString().endsWith(BASE_PATH)) {
            throw new IllegalArgumentException("the console's URL must end in /console: " + consoleUrl.get());
        }
    }

    /**
     * From a function's environment: {@code CONSOLE_URL}, {@code CONSOLE_OIDC_ISSUER}, {@code CONSOLE_OIDC_BASE_URL}
     * (Cognito's domain: {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /logout} below it),
     * the groups, and the lifetimes in minutes; {@code CONSOLE_URL} where a custom domain sets it.
     */
    public static ConsoleSettings of(Environment environment, String clientId) {
        String issuer = environment.require("CONSOLE_OIDC_ISSUER").strip();
        String base = environment.require("CONSOLE_OIDC_BASE_URL").strip();
        return new ConsoleSettings(
                environment
                        .optional("CONSOLE_URL")
                        .map(String::strip)
                        .filter(url -> !url.isEmpty())
                        .map(URI::create),
                issuer,
                URI.create(base + "/oauth2/authorize"),
                URI.create(base + "/oauth2/token"),
                URI.create(base + "/logout"),
                URI.create(issuer + "/.well-known/jwks.json"),
                clientId,
                environment.require("CONSOLE_READ_GROUP").strip(),
                environment.require("CONSOLE_WRITE_GROUP").strip(),
                Duration.ofMinutes(environment.requirePositiveInt("CONSOLE_SESSION_IDLE_MINUTES")),
                Duration.ofMinutes(environment.requirePositiveInt("CONSOLE_SESSION_MAX_MINUTES")));
    }

    /** The console's path on the API: the HTTP API's default stage has no prefix. */
    public static final String BASE_PATH = "/console";

    /** The console's URL: the custom domain's, else {@code https://} and the API's host of this request. */
    public URI consoleUrl(String requestHost) {
        return consoleUrl.orElseGet(() -> URI.create("https://" + requestHost + BASE_PATH));
    }
}
