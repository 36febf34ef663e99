package org.abusedesk.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.abusedesk.complaint.Language;

/** The gate's own short pages, in German and English: signed out, sign-in failed, no access, forbidden, errors. */
public final class Notices {

    /** One notice as its template shows it; {@code link} may be null. */
    public record Notice(String lang, String title, String text, String link, String linkText) {}

    private static final TemplateEngine PAGES =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.abusedesk.console.templates");
    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (var language : Language.values()) {
            var texts = new Properties();
            String file = "notices_" + language.name().toLowerCase(Locale.ROOT) + ".properties";
            try (var in = Notices.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + file);
                }
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TEXTS.put(language, texts);
        }
    }

    private final String base;

    Notices(String base) {
        this.base = base;
    }

    ConsoleResponse signedOut(Language language) {
        return page(200, language, "signedout", base + "/signin", "signin.again");
    }

    ConsoleResponse signInFailed(Language language) {
        return page(400, language, "signinfailed", base + "/signin", "signin.again");
    }

    ConsoleResponse noAccess(Language language) {
        return page(403, language, "noaccess", null, null);
    }

    ConsoleResponse forbidden(Language language) {
        return page(403, language, "forbidden", base, "overview");
    }

    ConsoleResponse badRequest(Language language) {
        return page(400, language, "badrequest", base, "overview");
    }

    ConsoleResponse notFound(Language language) {
        return page(404, language, "notfound", base, "overview");
    }

    ConsoleResponse methodNotAllowed(Language language) {
        return page(405, language, "methodnotallowed", base, "overview");
    }

    private ConsoleResponse page(int status, Language language, String key, String link, String linkKey) {
        var texts = TEXTS.get(language);
        var notice = new Notice(
                language.name().toLowerCase(Locale.ROOT),
                texts.getProperty(key + ".title"),
                texts.getProperty(key + ".text"),
                link,
                linkKey == null ? null : texts.getProperty(linkKey));
        var out = new StringOutput();
        PAGES.render("signin/notice.jte", notice, out);
        return ConsoleResponse.html(status, out.toString());
    }
}
