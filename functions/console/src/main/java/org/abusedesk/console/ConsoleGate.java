package org.abusedesk.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Language;
import org.abusedesk.console.signin.OidcClient;
import org.abusedesk.console.signin.Session;
import org.abusedesk.console.signin.SessionStore;
import org.abusedesk.console.signin.SignInAttempt;
import org.abusedesk.console.signin.SignInException;
import org.abusedesk.console.signin.Tokens;
import org.abusedesk.request.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything between the HTTP API and the pages: signing in (code flow with PKCE against the provider), the session
 * in its {@code __Host-} cookie, signing out here and at the provider, the CSRF token of every POST, the write
 * permission, the language, and the headers every answer carries. A page is asked only for a valid session.
 */
public final class ConsoleGate {

    static final String SESSION_COOKIE = "__Host-console-session";
    static final String LANGUAGE_COOKIE = "__Host-console-lang";
    static final String CSRF_FIELD = "csrf";

    /** How long a sign-in may take between the redirect and the callback. */
    static final java.time.Duration SIGN_IN_TIME = java.time.Duration.ofMinutes(10);

    /** A session's last use is written at most this often: reading a page should not write on every request. */
    static final java.time.Duration TOUCH_EVERY = java.time.Duration.ofMinutes(1);

    private static final int MAX_RETURN = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleGate.class);

    private final ConsoleSettings settings;
    private final OidcClient oidc;
    private final SessionStore sessions;
    private final ConsolePages pages;
    private final Notices notices;
    private final Clock clock;

    public ConsoleGate(
            ConsoleSettings settings, OidcClient oidc, SessionStore sessions, ConsolePages pages, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.oidc = Objects.requireNonNull(oidc, "oidc == null");
        this.sessions = Objects.requireNonNull(sessions, "sessions == null");
        this.pages = Objects.requireNonNull(pages, "pages == null");
        this.notices = new Notices(ConsoleSettings.BASE_PATH);
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public HttpOut handle(HttpIn in) throws InterruptedException {
        String base = ConsoleSettings.BASE_PATH;
        var console = settings.consoleUrl(in.host());
        if (!in.path().equals(base) && !in.path().startsWith(base + "/")) {
            return secured(notices.notFound(Language.DE), List.of());
        }
        String path = in.path().substring(base.length());
        path = path.isEmpty() ? "/" : path;
        var cookies = new ArrayList<String>();
        var language = language(in, cookies);
        String method = in.method();
        if (path.equals("/signin") && method.equals("GET")) {
            return secured(signIn(in, console), cookies);
        }
        if (path.equals("/callback") && method.equals("GET")) {
            return secured(callback(in, console, language, cookies), cookies);
        }
        if (path.equals("/signedout") && method.equals("GET")) {
            return secured(notices.signedOut(language), cookies);
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            return secured(notices.methodNotAllowed(language), cookies);
        }
        var session = session(in);
        if (session.isEmpty()) {
            String asked = method.equals("GET") ? pathWithQuery(in) : base;
            return secured(ConsoleResponse.seeOther(base + "/signin?return=" + encode(asked)), cookies);
        }
        FormBody form = FormBody.empty();
        if (method.equals("POST")) {
            try {
                form = FormBody.parse(in.header("content-type").orElse(""), in.body());
            } catch (IllegalArgumentException e) {
                return secured(notices.badRequest(language), cookies);
            }
            // Every POST, signing out included, carries the session's token: another site's form cannot.
            if (!Tokens.same(form.fields().get(CSRF_FIELD), session.get().csrfToken())) {
                return secured(notices.forbidden(language), cookies);
            }
            if (path.equals("/signout")) {
                sessions.delete(session.get().idHash());
                cookies.add(SESSION_COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0");
                return secured(
                        ConsoleResponse.seeOther(oidc.logoutRequest(console).toString()), cookies);
            }
            if (!session.get().person().canWrite()) {
                return secured(notices.forbidden(language), cookies);
            }
        }
        var request = new ConsoleRequest(
                method,
                path,
                in.query(),
                form.fields(),
                form.files(),
                language,
                session.get().person(),
                session.get().csrfToken());
        return secured(pages.answer(request), cookies);
    }

    /** Begins a sign-in: its state, nonce and PKCE verifier kept here, the browser sent to the provider. */
    private ConsoleResponse signIn(HttpIn in, java.net.URI console) {
        String state = Tokens.next();
        String nonce = Tokens.next();
        String verifier = Tokens.next();
        sessions.begin(new SignInAttempt(
                Tokens.hash(state),
                verifier,
                nonce,
                returnPath(in.query("return").orElse("")),
                clock.instant().plus(SIGN_IN_TIME)));
        return ConsoleResponse.seeOther(
                oidc.authorizationRequest(console, state, nonce, verifier).toString());
    }

    private ConsoleResponse callback(HttpIn in, java.net.URI console, Language language, List<String> cookies)
            throws InterruptedException {
        var state = in.query("state");
        var code = in.query("code");
        if (state.isEmpty()
                || code.isEmpty()
                || state.get().length() > 512
                || code.get().length() > 2048) {
            return notices.signInFailed(language);
        }
        var attempt = sessions.take(Tokens.hash(state.get()), clock.instant());
        if (attempt.isEmpty()) {
            return notices.signInFailed(language);
        }
        Person person;
        try {
            person = oidc.signIn(console, code.get(), attempt.get());
        } catch (SignInException e) {
            LOG.warn("console sign-in refused: {}", e.getMessage());
            return notices.noAccess(language);
        }
        String id = Tokens.next();
        var now = clock.instant();
        var session = new Session(Tokens.hash(id), person, Tokens.next(), now, now);
        sessions.create(session, now.plus(settings.absoluteLifetime()));
        LOG.info("console sign-in: subject={} role={}", person.subject(), person.role());
        cookies.add(SESSION_COOKIE + "=" + id + "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age="
                + settings.absoluteLifetime().toSeconds());
        return ConsoleResponse.seeOther(attempt.get().returnPath());
    }

    /** The request's valid session, its last use recorded; an expired one is removed. */
    private Optional<Session> session(HttpIn in) {
        var id = in.cookie(SESSION_COOKIE).filter(value -> value.length() == 43);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String hash = Tokens.hash(id.get());
        var found = sessions.find(hash);
        var now = clock.instant();
        if (found.isEmpty() || !found.get().validAt(now, settings.idleLifetime(), settings.absoluteLifetime())) {
            found.ifPresent(expired -> sessions.delete(hash));
            return Optional.empty();
        }
        if (!now.isBefore(found.get().lastSeenAt().plus(TOUCH_EVERY))) {
            sessions.touch(hash, now);
        }
        return found;
    }

    /** {@code lang} of the query (remembered in a cookie), else the cookie's, else the browser's; German first. */
    private static Language language(HttpIn in, List<String> cookies) {
        var chosen = in.query("lang").flatMap(Languages::of);
        if (chosen.isPresent()) {
            cookies.add(LANGUAGE_COOKIE + "=" + chosen.get().name().toLowerCase(java.util.Locale.ROOT)
                    + "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=31536000");
            return chosen.get();
        }
        return Languages.negotiate(in.cookie(LANGUAGE_COOKIE), in.header("accept-language"), Language.DE);
    }

    /** A console page to return to after signing in; anything else (another site, a scheme) is the overview. */
    String returnPath(String asked) {
        String base = ConsoleSettings.BASE_PATH;
        boolean ours = asked.length() <= MAX_RETURN
                && (asked.equals(base) || asked.startsWith(base + "/") || asked.startsWith(base + "?"))
                && asked.chars().noneMatch(c -> c < 0x21 || c == 0x7f || c == '\\')
                && !asked.contains("//")
                && !asked.startsWith(base + "/signin")
                && !asked.startsWith(base + "/callback");
        return ours ? asked : base;
    }

    private static String pathWithQuery(HttpIn in) {
        if (in.query().isEmpty()) {
            return in.path();
        }
        var query = new StringBuilder();
        in.query()
                .forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
                        .append(encode(name))
                        .append('=')
                        .append(encode(value)));
        return in.path() + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The page's answer with the headers every console answer carries. */
    private HttpOut secured(ConsoleResponse response, List<String> cookies) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put(
                "content-security-policy",
                "default-src 'none'; style-src " + Stylesheet.SOURCE + "; img-src 'self' data:; form-action 'self' "
                        + settings.logoutUrl().resolve("/") + "; frame-ancestors 'none'; base-uri 'none'");
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        headers.put("referrer-policy", "no-referrer");
        headers.put("cache-control", "no-store");
        headers.put("vary", "cookie, accept-language");
        return new HttpOut(new ConsoleResponse(response.status(), headers, response.body()), cookies);
    }
}
