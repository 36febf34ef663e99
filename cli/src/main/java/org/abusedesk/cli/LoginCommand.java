package org.abusedesk.cli;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code abuse-desk login}: signs a person in as {@code gh auth login} or {@code aws sso login} do, by the
 * authorization code flow with PKCE through a redirect to this machine, and keeps the token for the other commands,
 * which then record the person, not a client.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        header = "Signs you in, so that the commands act as you.",
        description = {
            "Opens the sign-in page (the URL is printed: open it in a browser on this machine), takes the code it sends",
            "back to a port of this machine, and keeps the token in your config directory (mode 0600), renewed when it",
            "expires. The other commands then act as you. `abuse-desk logout` removes it."
        })
final class LoginCommand implements Callable<Integer> {

    @Mixin
    StackConnection stack;

    @Option(
            names = "--sign-in-url",
            paramLabel = "URL",
            description = "The sign-in's base URL: the stack's Cognito domain (https://<prefix>.auth.<region>"
                    + ".amazoncognito.com, output SignInUrl); default: the stack file's.")
    URI signInUrl;

    @Option(
            names = "--client-id",
            description = "The people's app client of the user pool (output PeopleCliClientId); default: the stack"
                    + " file's.")
    String clientId;

    @Option(
            names = "--port",
            defaultValue = "47615",
            description = "The port of this machine the sign-in sends the code back to (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--timeout",
            defaultValue = "300",
            description = "Seconds to wait for the sign-in in the browser (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--login-file",
            paramLabel = "PATH",
            description = "Where the sign-in is kept (default: $XDG_CONFIG_HOME/abuse-desk/login.json, else"
                    + " ~/.config/abuse-desk/login.json).")
    Path loginFile;

    /** What opens the sign-in page: printing it for the person, or a test's browser. */
    Consumer<URI> opener = url -> {
        System.out.println("Open this page in a browser on this machine to sign in:");
        System.out.println("  " + url);
        System.out.flush();
    };

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        URI base = signInUrl != null
                ? signInUrl
                : stack.output("SignInUrl")
                        .map(URI::create)
                        .orElseThrow(() -> new IllegalStateException(
                                "no sign-in URL: pass --sign-in-url, or start `abuse-desk local`"));
        String client = clientId != null
                ? clientId
                : stack.output("PeopleCliClientId")
                        .orElseThrow(
                                () -> new IllegalStateException(
                                        "no client id: pass --client-id (output PeopleCliClientId), or start `abuse-desk local`"));
        String state = random();
        String verifier = random();
        String redirect = "http://localhost:" + port + "/callback";
        var code = new CompletableFuture<String>();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/callback", exchange -> {
            try (exchange) {
                var query = form(exchange.getRequestURI().getRawQuery());
                boolean ours = state.equals(query.get("state")) && query.containsKey("code");
                byte[] page = (ours
                                ? "Signed in to abuse-desk. You can close this window."
                                : "This is not the sign-in abuse-desk login is waiting for.")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(ours ? 200 : 400, page.length);
                exchange.getResponseBody().write(page);
                if (ours) {
                    code.complete(query.get("code"));
                }
            }
        });
        server.start();
        String authorize;
        try {
            var parameters = new LinkedHashMap<String, String>();
            parameters.put("response_type", "code");
            parameters.put("client_id", client);
            parameters.put("redirect_uri", redirect);
            parameters.put("scope", "openid profile email abuse-desk/read abuse-desk/write");
            parameters.put("state", state);
            parameters.put("code_challenge", challenge(verifier));
            parameters.put("code_challenge_method", "S256");
            authorize = base + "/oauth2/authorize?" + PersonalLogin.form(parameters);
            opener.accept(URI.create(authorize));
            String received = code.get(timeoutSeconds, TimeUnit.SECONDS);
            var tokenUrl = URI.create(base + "/oauth2/token");
            var answer = PersonalLogin.post(
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(10))
                            .build(),
                    tokenUrl,
                    Map.of(
                            "grant_type", "authorization_code",
                            "client_id", client,
                            "code", received,
                            "redirect_uri", redirect,
                            "code_verifier", verifier));
            var login = PersonalLogin.of(tokenUrl, client, answer, null, clock);
            Path file = loginFile != null ? loginFile : PersonalLogin.defaultFile(System.getenv());
            login.write(file);
            var claims = SignedJWT.parse(login.accessToken()).getJWTClaimsSet();
            System.out.println("Signed in as " + claims.getStringClaim("username") + "; the commands now act as you"
                    + " (kept in " + file + ").");
            return 0;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no sign-in within " + timeoutSeconds + " s");
        } finally {
            server.stop(0);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Map<String, String> form(String query) {
        var fields = new LinkedHashMap<String, String>();
        if (query == null || query.length() > 8192) {
            return fields;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
