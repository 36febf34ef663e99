package org.abusedesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.console.signin.OidcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate as a browser meets it, against a provider on 127.0.0.1 that signs real ID tokens. */
class ConsoleGateTest {

    private TestProvider provider;
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final List<ConsoleRequest> asked = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T09:00:00Z"));
    private ConsoleGate gate;
    private ConsoleSettings settings;

    @BeforeEach
    void start() throws Exception {
        provider = new TestProvider();
        settings = new ConsoleSettings(
                java.util.Optional.of(URI.create("https://desk.example/console")),
                TestProvider.ISSUER,
                provider.base().resolve("/oauth2/authorize"),
                provider.base().resolve("/oauth2/token"),
                URI.create("https://abuse-desk.auth.eu-central-1.amazoncognito.com/logout"),
                provider.base().resolve("/jwks"),
                TestProvider.CLIENT,
                "abuse-desk-read",
                "abuse-desk-write",
                Duration.ofMinutes(30),
                Duration.ofHours(8));
        gate = new ConsoleGate(
                settings,
                new OidcClient(settings, provider.keys()),
                sessions,
                request -> {
                    asked.add(request);
                    return ConsoleResponse.html(200, "<p>page</p>");
                },
                clock);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void withoutASession_aPageAnswers303ToSignIn_andReturnsThereAfterSigningIn() throws Exception {
        var page = gate.handle(get("/console/cases", Map.of("state", "OPEN"), Map.of()));

        assertThat(page.response().status()).isEqualTo(303);
        String signIn = page.response().headers().get("location");
        assertThat(signIn).isEqualTo("/console/signin?return=" + encode("/console/cases?state=OPEN"));
        assertThat(asked).isEmpty();

        var session = signIn("/console/cases?state=OPEN", "anna-sub", "Anna Team", "abuse-desk-write");

        assertThat(session.location()).isEqualTo("/console/cases?state=OPEN");
        assertThat(session.cookie())
                .startsWith("__Host-console-session=")
                .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax", "; Max-Age=28800")
                .doesNotContain("Domain=");
        var answered = gate.handle(get("/console/cases", Map.of(), Map.of("__Host-console-session", session.id())));
        assertThat(answered.response().status()).isEqualTo(200);
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.person()).isEqualTo(new Person("anna-sub", "Anna Team", Person.Role.WRITE));
            assertThat(request.path()).isEqualTo("/cases");
        });
        assertThat(answered.response().headers().get("content-security-policy"))
                .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("script-src");
        assertThat(answered.response().headers()).containsEntry("cache-control", "no-store");
    }

    @Test
    void theSignInRequest_usesPkceS256_andAStateAndNonceKeptOnlyAsHashesOrServerSide() throws Exception {
        var redirect = gate.handle(get("/console/signin", Map.of(), Map.of()));

        var authorization = URI.create(redirect.response().headers().get("location"));
        var query = TestProvider.form(authorization.getRawQuery());
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", TestProvider.CLIENT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "https://desk.example/console/callback")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(sessions.attempts).hasSize(1).doesNotContainKey(query.get("state"));
    }

    @Test
    void aCallback_isGoodOnce_andAStateOfNobodysSignInIsRefused() throws Exception {
        var redirect = gate.handle(get("/console/signin", Map.of(), Map.of()));
        var authorization = URI.create(redirect.response().headers().get("location"));
        String state = TestProvider.form(authorization.getRawQuery()).get("state");
        String code = provider.approve(authorization, "anna-sub", "Anna", List.of("abuse-desk-write"));

        var first = gate.handle(get("/console/callback", Map.of("state", state, "code", code), Map.of()));
        var replay = gate.handle(get("/console/callback", Map.of("state", state, "code", code), Map.of()));
        var forged = gate.handle(get("/console/callback", Map.of("state", "made-up", "code", code), Map.of()));

        assertThat(first.response().status()).isEqualTo(303);
        assertThat(replay.response().status()).isEqualTo(400);
        assertThat(replay.cookies()).noneMatch(c -> c.startsWith("__Host-console-session"));
        assertThat(forged.response().status()).isEqualTo(400);
    }

    @Test
    void aPersonInNeitherGroup_orATokenForAnotherClient_getsNoSession() throws Exception {
        var noGroup = signInAnswer("/console", "eve-sub", "Eve", List.of("someone-else"));
        provider.audience = "another-client";
        var otherClient = signInAnswer("/console", "eve-sub", "Eve", List.of("abuse-desk-write"));

        assertThat(noGroup.response().status()).isEqualTo(403);
        assertThat(otherClient.response().status()).isEqualTo(403);
        assertThat(sessions.sessions).isEmpty();
    }

    @Test
    void aReturnToAnotherSite_isTheOverviewInstead() {
        assertThat(gate.returnPath("https://evil.example/console")).isEqualTo("/console");
        assertThat(gate.returnPath("//evil.example")).isEqualTo("/console");
        assertThat(gate.returnPath("/console//evil.example")).isEqualTo("/console");
        assertThat(gate.returnPath("/console\\@evil.example")).isEqualTo("/console");
        assertThat(gate.returnPath("/console/cases\r\nSet-Cookie: x=y")).isEqualTo("/console");
        assertThat(gate.returnPath("/consoleevil")).isEqualTo("/console");
        assertThat(gate.returnPath("/console/cases/1/2")).isEqualTo("/console/cases/1/2");
    }

    @Test
    void aPost_needsTheSessionsCsrfToken_andTheWriteGroup() throws Exception {
        var writer = signIn("/console", "anna-sub", "Anna", "abuse-desk-write");
        var reader = signIn("/console", "rolf-sub", "Rolf", "abuse-desk-read");

        var noToken = post("/console/cases/1/2/resolve", writer.id(), "note=done");
        var wrongToken = post("/console/cases/1/2/resolve", writer.id(), "note=done&csrf=" + reader.csrf());
        var readersPost = post("/console/cases/1/2/resolve", reader.id(), "note=done&csrf=" + reader.csrf());
        var writersPost = post("/console/cases/1/2/resolve", writer.id(), "note=done&csrf=" + writer.csrf());

        assertThat(noToken.response().status()).isEqualTo(403);
        assertThat(wrongToken.response().status()).isEqualTo(403);
        assertThat(readersPost.response().status()).isEqualTo(403);
        assertThat(writersPost.response().status()).isEqualTo(200);
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.fields()).containsEntry("note", "done");
            assertThat(request.person().subject()).isEqualTo("anna-sub");
        });
    }

    @Test
    void aFollowUp_byAReadPerson_is403_andWithoutTheCsrfToken_isRefused() throws Exception {
        var writer = signIn("/console", "anna-sub", "Anna", "abuse-desk-write");
        var reader = signIn("/console", "rolf-sub", "Rolf", "abuse-desk-read");
        String form = "kind=REMINDER&days=14";

        var readersPost = post("/console/cases/1/2/followup", reader.id(), form + "&csrf=" + reader.csrf());
        var noToken = post("/console/cases/1/2/followup", writer.id(), form);
        var readersNote = post("/console/cases/1/2/note", reader.id(), "note=x&csrf=" + reader.csrf());

        assertThat(readersPost.response().status()).isEqualTo(403);
        assertThat(noToken.response().status()).isEqualTo(403);
        assertThat(readersNote.response().status()).isEqualTo(403);
        assertThat(asked).isEmpty();
    }

    @Test
    void theContactForm_postedByAReader_orWithoutTheCsrfToken_isRefused_andNeverReachesThePages() throws Exception {
        var writer = signIn("/console", "anna-sub", "Anna", "abuse-desk-write");
        var reader = signIn("/console", "rolf-sub", "Rolf", "abuse-desk-read");
        String contact = "email=owner%40shop.example&name=Shop+GmbH&language=de";

        var readersPost = post("/console/accounts/121070/contact", reader.id(), contact + "&csrf=" + reader.csrf());
        var noToken = post("/console/accounts/121070/contact", writer.id(), contact);
        var readersTokenForTheWriter =
                post("/console/accounts/121070/contact", writer.id(), contact + "&csrf=" + reader.csrf());

        assertThat(readersPost.response().status()).isEqualTo(403);
        assertThat(noToken.response().status()).isEqualTo(403);
        assertThat(readersTokenForTheWriter.response().status()).isEqualTo(403);
        assertThat(asked).isEmpty();
    }

    @Test
    void aSession_endsAfterItsIdleTime_andAfterItsAbsoluteTime_howeverOftenItIsUsed() throws Exception {
        var idle = signIn("/console", "anna-sub", "Anna", "abuse-desk-write");
        clock.advance(Duration.ofMinutes(31));
        assertThat(gate.handle(get("/console", Map.of(), cookie(idle)))
                        .response()
                        .status())
                .isEqualTo(303);
        assertThat(sessions.sessions).isEmpty();

        var busy = signIn("/console", "anna-sub", "Anna", "abuse-desk-write");
        for (int i = 0; i < 17; i++) {
            clock.advance(Duration.ofMinutes(29));
            var answer = gate.handle(get("/console", Map.of(), cookie(busy)));
            assertThat(answer.response().status())
                    .as("after %d idle steps", i + 1)
                    .isEqualTo(i < 16 ? 200 : 303);
        }
    }

    @Test
    void signingOut_endsTheSession_clearsItsCookie_andSignsOutAtTheProvider() throws Exception {
        var session = signIn("/console", "anna-sub", "Anna", "abuse-desk-read");

        var out = post("/console/signout", session.id(), "csrf=" + session.csrf());

        assertThat(out.response().status()).isEqualTo(303);
        assertThat(out.response().headers().get("location"))
                .isEqualTo("https://abuse-desk.auth.eu-central-1.amazoncognito.com/logout?client_id=console-client"
                        + "&logout_uri=" + encode("https://desk.example/console/signedout"));
        assertThat(out.cookies())
                .contains("__Host-console-session=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0");
        assertThat(gate.handle(get("/console", Map.of(), cookie(session)))
                        .response()
                        .status())
                .isEqualTo(303);
        assertThat(out.response().headers().get("content-security-policy"))
                .contains("form-action 'self' https://abuse-desk.auth.eu-central-1.amazoncognito.com/");
    }

    @Test
    void theLanguage_isTheQuerysRemembered_elseTheBrowsers() throws Exception {
        var session = signIn("/console", "anna-sub", "Anna", "abuse-desk-read");

        var english = gate.handle(get("/console", Map.of("lang", "en"), cookie(session)));
        var remembered = new HashMap<>(cookie(session));
        remembered.put("__Host-console-lang", "en");
        gate.handle(get("/console", Map.of(), remembered));
        gate.handle(new HttpIn(
                "GET",
                "desk.example",
                "/console",
                Map.of(),
                Map.of("accept-language", "de-DE,de;q=0.9"),
                cookie(session),
                new byte[0]));

        assertThat(english.cookies()).anyMatch(c -> c.startsWith("__Host-console-lang=en; Path=/; Secure"));
        assertThat(asked).extracting(r -> r.language().name()).containsExactly("EN", "EN", "DE");
    }

    /** What a completed sign-in left: the cookie's id, the whole Set-Cookie, the CSRF token and where it went. */
    private record SignedIn(String id, String cookie, String csrf, String location) {}

    private SignedIn signIn(String returnTo, String subject, String name, String group) throws Exception {
        var callback = signInAnswer(returnTo, subject, name, List.of(group));
        assertThat(callback.response().status()).isEqualTo(303);
        String cookie = callback.cookies().stream()
                .filter(c -> c.startsWith("__Host-console-session="))
                .findFirst()
                .orElseThrow();
        String id = cookie.substring("__Host-console-session=".length(), cookie.indexOf(';'));
        var session = sessions.sessions.values().stream()
                .filter(s -> s.person().subject().equals(subject))
                .reduce((a, b) -> b)
                .orElseThrow();
        return new SignedIn(
                id, cookie, session.csrfToken(), callback.response().headers().get("location"));
    }

    private HttpOut signInAnswer(String returnTo, String subject, String name, List<String> groups) throws Exception {
        var redirect = gate.handle(get("/console/signin", Map.of("return", returnTo), Map.of()));
        var authorization = URI.create(redirect.response().headers().get("location"));
        String state = TestProvider.form(authorization.getRawQuery()).get("state");
        String code = provider.approve(authorization, subject, name, groups);
        return gate.handle(get("/console/callback", Map.of("state", state, "code", code), Map.of()));
    }

    private HttpOut post(String path, String sessionId, String form) throws Exception {
        return gate.handle(new HttpIn(
                "POST",
                "desk.example",
                path,
                Map.of(),
                Map.of("content-type", "application/x-www-form-urlencoded"),
                Map.of("__Host-console-session", sessionId),
                form.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpIn get(String path, Map<String, String> query, Map<String, String> cookies) {
        return new HttpIn("GET", "desk.example", path, query, Map.of(), cookies, new byte[0]);
    }

    private static Map<String, String> cookie(SignedIn session) {
        return Map.of("__Host-console-session", session.id());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A clock the test moves on. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
