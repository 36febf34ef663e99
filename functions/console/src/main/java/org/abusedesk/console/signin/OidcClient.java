package org.abusedesk.console.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.abusedesk.console.ConsoleSettings;
import org.abusedesk.console.Person;

/**
 * The console's side of OpenID Connect with Cognito's managed login: the authorization request (code flow with
 * PKCE), the code's exchange at the token endpoint, and the ID token's check against the pool's keys, issuer,
 * audience, expiry and nonce. The person's role comes from the token's {@code cognito:groups}.
 */
public final class OidcClient {

    /** A token answer is a few kilobytes; anything longer is not one. */
    private static final int MAX_TOKEN_ANSWER = 64 * 1024;

    private static final int MAX_NAME = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsoleSettings settings;
    private final HttpClient http;
    private final DefaultJWTProcessor<SecurityContext> idTokens;

    public OidcClient(ConsoleSettings settings) {
        this(settings, keysOf(settings));
    }

    /** With the keys the ID tokens are signed with: how tests sign their own. */
    public OidcClient(ConsoleSettings settings, JWKSource<SecurityContext> keys) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        this.idTokens = new DefaultJWTProcessor<>();
        idTokens.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        idTokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                settings.clientId(),
                new JWTClaimsSet.Builder()
                        .issuer(settings.issuer())
                        .claim("token_use", "id")
                        .build(),
                Set.of("sub", "exp", "iat", "nonce")));
    }

    private static JWKSource<SecurityContext> keysOf(ConsoleSettings settings) {
        try {
            return JWKSourceBuilder.create(settings.jwksUrl().toURL()).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the pool's keys are at no URL: " + settings.jwksUrl(), e);
        }
    }

    /** Where the browser goes to sign in: the provider's authorization endpoint with this attempt's values. */
    public URI authorizationRequest(URI console, String state, String nonce, String verifier) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("response_type", "code");
        parameters.put("client_id", settings.clientId());
        parameters.put("redirect_uri", console + "/callback");
        parameters.put("scope", "openid email profile");
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        parameters.put("code_challenge", Tokens.challenge(verifier));
        parameters.put("code_challenge_method", "S256");
        return URI.create(settings.authorizeUrl() + "?" + form(parameters));
    }

    /** Where the browser goes to end its session at the provider too, and comes back to the console from. */
    public URI logoutRequest(URI console) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("client_id", settings.clientId());
        parameters.put("logout_uri", console + "/signedout");
        return URI.create(settings.logoutUrl() + "?" + form(parameters));
    }

    /**
     * Exchanges the callback's code, with the attempt's verifier, for the person its ID token names.
     *
     * @throws SignInException when the exchange fails, the token is not valid, its nonce is not the attempt's, or
     *     the person is in neither group
     */
    public Person signIn(URI console, String code, SignInAttempt attempt) throws SignInException, InterruptedException {
        var body = form(Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                settings.clientId(),
                "code",
                code,
                "redirect_uri",
                console + "/callback",
                "code_verifier",
                attempt.verifier()));
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(settings.tokenUrl())
                            .timeout(TIMEOUT)
                            .header("content-type", "application/x-www-form-urlencoded")
                            .header("accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SignInException("the token endpoint did not answer", e);
        }
        if (answer.statusCode() != 200 || answer.body().length > MAX_TOKEN_ANSWER) {
            throw new SignInException("the token endpoint refused the code: status " + answer.statusCode());
        }
        String idToken;
        try {
            idToken = JSON.readTree(answer.body()).path("id_token").asText("");
        } catch (IOException e) {
            throw new SignInException("the token endpoint's answer is not JSON");
        }
        JWTClaimsSet claims;
        try {
            claims = idTokens.process(idToken, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new SignInException(
                    "the ID token is not valid: " + e.getClass().getSimpleName());
        }
        if (!Tokens.same(String.valueOf(claims.getClaim("nonce")), attempt.nonce())) {
            throw new SignInException("the ID token is not of this sign-in");
        }
        return person(claims);
    }

    private Person person(JWTClaimsSet claims) throws SignInException {
        List<String> groups;
        try {
            var list = claims.getStringListClaim("cognito:groups");
            groups = list == null ? List.of() : list;
        } catch (ParseException e) {
            groups = List.of();
        }
        Person.Role role;
        if (groups.contains(settings.writeGroup())) {
            role = Person.Role.WRITE;
        } else if (groups.contains(settings.readGroup())) {
            role = Person.Role.READ;
        } else {
            throw new SignInException("the person is in neither of the console's groups");
        }
        return new Person(claims.getSubject(), name(claims), role);
    }

    /** What the history shows: the name, else the e-mail address, else the user name, else the subject. */
    private static String name(JWTClaimsSet claims) {
        for (String claim : List.of("name", "email", "cognito:username")) {
            var value = claims.getClaim(claim);
            if (value instanceof String text && !text.isBlank()) {
                return printable(text);
            }
        }
        return claims.getSubject();
    }

    /** At most 200 characters, no control characters: a name goes into pages and closing records. */
    private static String printable(String text) {
        var out = new StringBuilder();
        text.strip()
                .codePoints()
                .limit(MAX_NAME)
                .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
