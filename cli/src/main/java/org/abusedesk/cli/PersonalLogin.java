package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person's sign-in of {@code ./abuse-desk login}, kept in their config directory with mode 0600: the access token
 * the admin API takes, and the refresh token that renews it at the token endpoint when it expires.
 */
record PersonalLogin(URI tokenUrl, String clientId, String accessToken, String refreshToken, Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Renewed a minute before it expires, so that no command starts with a token about to end. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private static final int MAX_ANSWER = 64 * 1024;

    /** {@code $XDG_CONFIG_HOME/abuse-desk/login.json}, else {@code ~/.config/abuse-desk/login.json}. */
    static Path defaultFile(Map<String, String> environment) {
        String config = environment.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank()
                ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("abuse-desk").resolve("login.json");
    }

    /** The token answer of the code's exchange or of a refresh, kept; a refresh answer keeps the refresh token. */
    static PersonalLogin of(URI tokenUrl, String clientId, JsonNode answer, String refreshToken, Clock clock) {
        String access = answer.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new IllegalStateException("the token endpoint answered no access token");
        }
        return new PersonalLogin(
                tokenUrl,
                clientId,
                access,
                answer.path("refresh_token").asText(refreshToken == null ? "" : refreshToken),
                clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)));
    }

    /** The stored sign-in, if there is one; refused if others may read it. */
    static Optional<PersonalLogin> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        OwnerOnlyFile.check(file, "the sign-in", "run `abuse-desk logout` and `abuse-desk login` again");
        try {
            var json = JSON.readTree(file.toFile());
            return Optional.of(new PersonalLogin(
                    URI.create(json.path("tokenUrl").asText()),
                    json.path("clientId").asText(),
                    json.path("accessToken").asText(),
                    json.path("refreshToken").asText(""),
                    Instant.parse(json.path("expiresAt").asText())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the sign-in " + file + ": run `abuse-desk login` again");
        }
    }

    /** Writes it for its owner alone (0600), replacing the file whole: no moment where another may read it. */
    void write(Path file) {
        ObjectNode json = JSON.createObjectNode()
                .put("tokenUrl", tokenUrl.toString())
                .put("clientId", clientId)
                .put("accessToken", accessToken)
                .put("refreshToken", refreshToken)
                .put("expiresAt", expiresAt.toString());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(
                    file.getParent(),
                    ".login",
                    ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, JSON.writeValueAsString(json));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sign-in in " + file, e);
        }
    }

    /** A valid access token: this one, or one renewed with the refresh token and kept in {@code file}. */
    String validToken(Path file, HttpClient http, Clock clock) {
        if (clock.instant().plus(MARGIN).isBefore(expiresAt)) {
            return accessToken;
        }
        if (refreshToken.isEmpty()) {
            throw new IllegalStateException("the sign-in expired: run `abuse-desk login` again");
        }
        var renewed = of(
                tokenUrl,
                clientId,
                post(
                        http,
                        tokenUrl,
                        Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken)),
                refreshToken,
                clock);
        renewed.write(file);
        return renewed.accessToken();
    }

    /** A form or query, url-encoded in the order of the map. */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** POSTs a form to the token endpoint and reads its JSON answer. */
    static JsonNode post(HttpClient http, URI tokenUrl, Map<String, String> form) {
        String body = form(form);
        try {
            var answer = http.send(
                    HttpRequest.newBuilder(tokenUrl)
                            .timeout(Duration.ofSeconds(15))
                            .header("content-type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200 || answer.body().length > MAX_ANSWER) {
                throw new IllegalStateException(
                        "the token endpoint refused: status " + answer.statusCode() + "; run `abuse-desk login` again");
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("the token endpoint " + tokenUrl + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    @Override
    public String toString() {
        return "PersonalLogin[" + tokenUrl + ", " + clientId + ", expires " + expiresAt + "]";
    }
}
