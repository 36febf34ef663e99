package org.abusedesk.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The local stack's stand-in for the admin API's JWT issuer: a key of its own, made at start, that signs
 * development tokens, and the checks API Gateway's JWT authorizer makes of a request's bearer token (signature,
 * issuer, expiry, client, and at least one of the route's scopes).
 */
public final class LocalTokens {

    /** The issuer ({@code iss}) and client ({@code client_id}) of the local tokens. */
    public static final String ISSUER = "abuse-desk-local";

    public static final String CLIENT_ID = "abuse-desk-local-cli";

    /** What a request's token amounts to for a route. */
    public sealed interface Verdict {

        /** Let through: the token's claims and scopes, as the function finds them in the event. */
        record Allowed(Map<String, String> claims, List<String> scopes) implements Verdict {}

        /** No token, or one that is not valid: 401. */
        record Unauthorized() implements Verdict {}

        /** A valid token without any of the route's scopes: 403. */
        record Forbidden() implements Verdict {}
    }

    private final RSAKey key;
    private final Clock clock;

    public LocalTokens(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the local signing key", e);
        }
    }

    /** A token for {@code subject} with these scopes, valid for {@code lifetime}. */
    public String mint(String subject, List<String> scopes, Duration lifetime) {
        var now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .claim("client_id", CLIENT_ID)
                .claim("scope", String.join(" ", scopes))
                .claim("token_use", "access")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return sign(claims);
    }

    /**
     * A person's access token, as Cognito's code flow gives one: their subject and user name, their groups, and the
     * scopes of the admin API their client asked for.
     */
    public String mintPerson(
            String subject, String username, List<String> groups, List<String> scopes, Duration lifetime) {
        var now = clock.instant();
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .claim("client_id", CLIENT_ID)
                .claim("username", username)
                .claim("cognito:groups", groups)
                .claim("scope", String.join(" ", scopes))
                .claim("token_use", "access")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** Signs these claims with the local key (RS256): the local OpenID provider's ID tokens. */
    public String sign(JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
    }

    /** The public key, as a JWKS document: what the local OpenID provider publishes. */
    public String jwks() {
        return new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString();
    }

    /** Checks the {@code Authorization} header's bearer token for a route that needs one of {@code scopes}. */
    public Verdict verify(String authorization, List<String> scopes) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Verdict.Unauthorized();
        }
        try {
            var jwt = SignedJWT.parse(authorization.substring(7).strip());
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return new Verdict.Unauthorized();
            }
            var claims = jwt.getJWTClaimsSet();
            var expiry = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer())
                    || !CLIENT_ID.equals(claims.getClaim("client_id"))
                    || expiry == null
                    || !expiry.toInstant().isAfter(clock.instant())) {
                return new Verdict.Unauthorized();
            }
            var granted = Arrays.stream(String.valueOf(claims.getClaim("scope")).split(" "))
                    .filter(s -> !s.isBlank())
                    .toList();
            if (!scopes.isEmpty() && granted.stream().noneMatch(scopes::contains)) {
                return new Verdict.Forbidden();
            }
            var flat = new LinkedHashMap<String, String>();
            claims.getClaims().forEach((name, value) -> flat.put(name, claimText(value)));
            return new Verdict.Allowed(Map.copyOf(flat), granted);
        } catch (ParseException | JOSEException e) {
            return new Verdict.Unauthorized();
        }
    }

    /** As API Gateway passes claims on: every value as text, times in epoch seconds. */
    private static String claimText(Object value) {
        return value instanceof Date date ? Long.toString(date.toInstant().getEpochSecond()) : String.valueOf(value);
    }
}
