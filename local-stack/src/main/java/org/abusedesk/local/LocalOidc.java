package org.abusedesk.local;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local stack's stand-in for Cognito's managed login, at {@code /_local/oidc} with Cognito's paths: an
 * authorization page where a local person of each group signs in, the token endpoint (code with PKCE S256, single
 * use), the JWKS of the local key, and the logout. The console runs its real code path against it; a one-time link
 * signs a browser or a cookie-jar client in as the local write person.
 */
public final class LocalOidc implements HttpHandler {

    public static final String PATH = "/_local/oidc";
    public static final String CONSOLE_CLIENT = "abuse-desk-local-console";
    /** The command line's client for people: {@code ./abuse-desk login}, redirecting to a loopback port. */
    public static final String PEOPLE_CLI_CLIENT = "abuse-desk-local-people-cli";

    public static final String READ_GROUP = "abuse-desk-read";
    public static final String WRITE_GROUP = "abuse-desk-write";

    /** The local people: one who may change, one who may only read. */
    public record LocalPerson(String key, String subject, String name, String email, String group) {}

    public static final LocalPerson WRITER =
            new LocalPerson("anna", "local-anna", "Anna Team", "anna.team@abuse-desk.local", WRITE_GROUP);
    public static final LocalPerson READER =
            new LocalPerson("rolf", "local-rolf", "Rolf Reader", "rolf.reader@abuse-desk.local", READ_GROUP);
    private static final List<LocalPerson> PEOPLE = List.of(WRITER, READER);

    private static final String PERSON_COOKIE = "local-oidc-person";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_FORM = 16 * 1024;

    /** A code issued and not yet exchanged: for whom, by which client, to which callback, with which challenge. */
    private record Code(
            LocalPerson person, String clientId, String redirectUri, String challenge, String nonce, Instant expires) {}

    private final URI base;
    private final LocalTokens tokens;
    private final Clock clock;
    private final Map<String, URI> callbacks;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Set<String> signInLinks = ConcurrentHashMap.newKeySet();
    private final Map<String, LocalPerson> refreshTokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param site the local stack's HTTP API, e.g. {@code http://127.0.0.1:3000} */
    public LocalOidc(URI site, LocalTokens tokens, Clock clock) {
        this.base = URI.create(site + PATH);
        this.tokens = Objects.requireNonNull(tokens, "tokens == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.callbacks = Map.of(CONSOLE_CLIENT, URI.create(site + "/console/callback"));
    }

    /** The issuer of its ID tokens, whose JWKS is at {@code /.well-known/jwks.json} below it. */
    public String issuer() {
        return base.toString();
    }

    /** What the console function's environment points at here instead of Cognito. */
    public Map<String, String> consoleEnvironment(URI site) {
        return Map.of(
                "CONSOLE_URL",
                site + "/console",
                "CONSOLE_OIDC_ISSUER",
                issuer(),
                "CONSOLE_OIDC_BASE_URL",
                issuer(),
                "CONSOLE_CLIENT_ID",
                CONSOLE_CLIENT,
                "CONSOLE_READ_GROUP",
                READ_GROUP,
                "CONSOLE_WRITE_GROUP",
                WRITE_GROUP);
    }

    /** A link, good once, that signs whoever follows it in to the console as {@link #WRITER}. */
    public URI signInLink() {
        String token = random(32);
        signInLinks.add(token);
        return URI.create(base + "/once/" + token);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(PATH.length());
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/oauth2/authorize" -> {
                    if (method.equals("POST")) {
                        approve(exchange, form(read(exchange)));
                    } else {
                        authorize(exchange, form(exchange.getRequestURI().getRawQuery()));
                    }
                }
                case "/oauth2/token" -> token(exchange, form(read(exchange)));
                case "/.well-known/jwks.json" -> send(exchange, 200, "application/json", tokens.jwks());
                case "/logout" -> logout(exchange, form(exchange.getRequestURI().getRawQuery()));
                default -> {
                    if (path.startsWith("/once/") && signInLinks.remove(path.substring("/once/".length()))) {
                        exchange.getResponseHeaders()
                                .add(
                                        "set-cookie",
                                        PERSON_COOKIE + "=" + WRITER.key() + "; Path=" + PATH
                                                + "; HttpOnly; SameSite=Lax");
                        redirect(exchange, "/console/signin?return=%2Fconsole%2Fcases");
                    } else {
                        send(exchange, 404, "text/plain; charset=utf-8", "not found");
                    }
                }
            }
        }
    }

    /** The authorization page: signed in already (the cookie), straight back with a code; else who signs in. */
    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!validRequest(query)) {
            send(exchange, 400, "text/plain; charset=utf-8", "invalid authorization request");
            return;
        }
        var remembered = cookie(exchange).flatMap(LocalOidc::person);
        if (remembered.isPresent()) {
            redirect(exchange, callback(query, remembered.get()));
            return;
        }
        var page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sign in – abuse-desk (local)</title></head><body><main><h1>Sign in to abuse-desk</h1>"
                + "<p>The local stack's stand-in for the sign-in page. Choose a local person:</p>");
        for (var person : PEOPLE) {
            page.append("<form method=\"post\" action=\"").append(PATH).append("/oauth2/authorize\">");
            for (var field : List.of("client_id", "redirect_uri", "state", "nonce", "code_challenge")) {
                page.append("<input type=\"hidden\" name=\"")
                        .append(field)
                        .append("\" value=\"")
                        .append(escape(query.getOrDefault(field, "")))
                        .append("\">");
            }
            page.append("<input type=\"hidden\" name=\"code_challenge_method\" value=\"S256\">")
                    .append("<input type=\"hidden\" name=\"response_type\" value=\"code\">")
                    .append("<button type=\"submit\" name=\"person\" value=\"")
                    .append(person.key())
                    .append("\">")
                    .append("Sign in as ")
                    .append(escape(person.name()))
                    .append(" (")
                    .append(person.group())
                    .append(")</button></form>");
        }
        page.append("</main></body></html>");
        exchange.getResponseHeaders().set("content-security-policy", "default-src 'none'; form-action 'self'");
        send(exchange, 200, "text/html; charset=utf-8", page.toString());
    }

    private void approve(HttpExchange exchange, Map<String, String> form) throws IOException {
        var person = person(form.getOrDefault("person", ""));
        if (!validRequest(form) || person.isEmpty()) {
            send(exchange, 400, "text/plain; charset=utf-8", "invalid authorization request");
            return;
        }
        exchange.getResponseHeaders()
                .add(
                        "set-cookie",
                        PERSON_COOKIE + "=" + person.get().key() + "; Path=" + PATH + "; HttpOnly; SameSite=Lax");
        redirect(exchange, callback(form, person.get()));
    }

    private boolean validRequest(Map<String, String> request) {
        String client = request.getOrDefault("client_id", "");
        String redirect = request.getOrDefault("redirect_uri", "");
        var registered = callbacks.get(client);
        boolean callback = registered != null
                ? registered.toString().equals(redirect)
                : client.equals(PEOPLE_CLI_CLIENT) && loopback(redirect);
        return callback
                && "code".equals(request.getOrDefault("response_type", "code"))
                && "S256".equals(request.get("code_challenge_method"))
                && !request.getOrDefault("code_challenge", "").isEmpty()
                && !request.getOrDefault("state", "").isEmpty();
    }

    private String callback(Map<String, String> request, LocalPerson person) {
        String code = random(32);
        codes.put(
                code,
                new Code(
                        person,
                        request.get("client_id"),
                        request.get("redirect_uri"),
                        request.get("code_challenge"),
                        request.getOrDefault("nonce", ""),
                        clock.instant().plus(CODE_LIFETIME)));
        return request.get("redirect_uri") + "?code=" + code + "&state=" + encode(request.get("state"));
    }

    /** A native app's redirect (RFC 8252): this machine, any port, the path {@code /callback}. */
    private static boolean loopback(String redirect) {
        URI uri;
        try {
            uri = URI.create(redirect);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return "http".equals(uri.getScheme())
                && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()))
                && uri.getPort() > 0
                && "/callback".equals(uri.getPath())
                && uri.getRawQuery() == null
                && uri.getRawUserInfo() == null;
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if ("refresh_token".equals(form.get("grant_type"))) {
            var person = refreshTokens.get(form.getOrDefault("refresh_token", ""));
            if (person == null || !PEOPLE_CLI_CLIENT.equals(form.get("client_id"))) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"access_token\":\"" + accessToken(person) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            return;
        }
        var code = codes.remove(form.getOrDefault("code", ""));
        if (!exchange.getRequestMethod().equals("POST")
                || code == null
                || !"authorization_code".equals(form.get("grant_type"))
                || !code.clientId().equals(form.get("client_id"))
                || !code.redirectUri().equals(form.get("redirect_uri"))
                || !code.expires().isAfter(clock.instant())
                || !code.challenge().equals(challenge(form.getOrDefault("code_verifier", "")))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        var now = clock.instant();
        var person = code.person();
        String idToken = tokens.sign(new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(code.clientId())
                .subject(person.subject())
                .claim("token_use", "id")
                .claim("nonce", code.nonce())
                .claim("name", person.name())
                .claim("email", person.email())
                .claim("cognito:username", person.key())
                .claim("cognito:groups", List.of(person.group()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .build());
        if (code.clientId().equals(PEOPLE_CLI_CLIENT)) {
            String refresh = random(32);
            refreshTokens.put(refresh, person);
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"id_token\":\"" + idToken + "\",\"access_token\":\""
                            + accessToken(person) + "\",\"refresh_token\":\"" + refresh
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            return;
        }
        send(
                exchange,
                200,
                "application/json",
                "{\"id_token\":\"" + idToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    /**
     * The admin API's access token for a person. As Cognito, it holds every scope the client may ask for, whatever
     * the person's group: the admin API lets a person change things only with the write group.
     */
    private String accessToken(LocalPerson person) {
        return tokens.mintPerson(
                person.subject(),
                person.key(),
                List.of(person.group()),
                List.of("openid", "abuse-desk/read", "abuse-desk/write"),
                Duration.ofHours(1));
    }

    private void logout(HttpExchange exchange, Map<String, String> query) throws IOException {
        String client = query.getOrDefault("client_id", "");
        var callback = callbacks.get(client);
        String target = query.getOrDefault("logout_uri", "");
        exchange.getResponseHeaders()
                .add("set-cookie", PERSON_COOKIE + "=; Path=" + PATH + "; HttpOnly; SameSite=Lax; Max-Age=0");
        // As Cognito: only a sign-out URL registered for the client, on the client's own site.
        if (callback == null || !target.startsWith(callback.resolve("/").toString())) {
            send(exchange, 400, "text/plain; charset=utf-8", "invalid logout request");
            return;
        }
        redirect(exchange, target);
    }

    private static java.util.Optional<LocalPerson> person(String key) {
        return PEOPLE.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    private static java.util.Optional<String> cookie(HttpExchange exchange) {
        var header = exchange.getRequestHeaders().getFirst("cookie");
        if (header == null) {
            return java.util.Optional.empty();
        }
        for (String part : header.split(";")) {
            String trimmed = part.strip();
            if (trimmed.startsWith(PERSON_COOKIE + "=")) {
                return java.util.Optional.of(trimmed.substring(PERSON_COOKIE.length() + 1));
            }
        }
        return java.util.Optional.empty();
    }

    private static String read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_FORM);
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String text) {
        var fields = new LinkedHashMap<String, String>();
        if (text == null) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private String random(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
