package org.abusedesk.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.abusedesk.console.signin.Tokens;

/**
 * An OpenID provider on 127.0.0.1 for the gate's tests, as Cognito answers: a code is good once, for the verifier
 * whose challenge came with it, and gives an ID token signed with the provider's key.
 */
final class TestProvider implements AutoCloseable {

    static final String ISSUER = "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_test";
    static final String CLIENT = "console-client";

    /** Who signs in with the next code, and with which nonce and groups. */
    record Grant(String challenge, String nonce, String subject, String name, List<String> groups) {}

    final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final RSAKey key;
    private final HttpServer server;
    String audience = CLIENT;
    String issuer = ISSUER;

    TestProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            try (exchange) {
                var form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                var grant = codes.remove(form.getOrDefault("code", ""));
                if (grant == null
                        || !CLIENT.equals(form.get("client_id"))
                        || !grant.challenge().equals(Tokens.challenge(form.getOrDefault("code_verifier", "")))) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                byte[] body = ("{\"id_token\":\"" + idToken(grant) + "\",\"token_type\":\"Bearer\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
    }

    /** Issues a code for whoever signs in on the authorization page the gate sent the browser to. */
    String approve(URI authorization, String subject, String name, List<String> groups) {
        var query = form(authorization.getRawQuery());
        String code = Tokens.next();
        codes.put(code, new Grant(query.get("code_challenge"), query.get("nonce"), subject, name, groups));
        return code;
    }

    private String idToken(Grant grant) {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(grant.subject())
                .claim("token_use", "id")
                .claim("nonce", grant.nonce())
                .claim("name", grant.name())
                .claim("cognito:groups", grant.groups())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String text) {
        var fields = new LinkedHashMap<String, String>();
        Arrays.stream(text == null ? new String[0] : text.split("&"))
                .filter(p -> p.contains("="))
                .forEach(p -> fields.put(
                        URLDecoder.decode(p.substring(0, p.indexOf('=')), StandardCharsets.UTF_8),
                        URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8)));
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
