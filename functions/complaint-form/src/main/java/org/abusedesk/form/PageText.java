package org.abusedesk.form;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.abusedesk.complaint.Language;

/** The words of the form's pages in one language, read once from {@code page-text_<language>.properties}. */
public final class PageText {

    private static final Map<Language, PageText> BY_LANGUAGE = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, new PageText(language, load(language)));
        }
    }

    private final Language language;
    private final Properties texts;

    private PageText(Language language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    public static PageText of(Language language) {
        return BY_LANGUAGE.get(Objects.requireNonNull(language, "language == null"));
    }

    public Language language() {
        return language;
    }

    /** The language's tag for {@code lang} attributes and links: {@code de} or {@code en}. */
    public String code() {
        return tag(language);
    }

    public String otherCode() {
        return tag(other());
    }

    public Language other() {
        return language == Language.DE ? Language.EN : Language.DE;
    }

    /** The text under the key, with {@code {0}}, {@code {1}} ... replaced by the arguments. */
    public String get(String key, Object... arguments) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key + " in " + code());
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    Set<String> keys() {
        return texts.stringPropertyNames();
    }

    static String tag(Language language) {
        return language.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Properties load(Language language) {
        String name = "page-text_" + tag(language) + ".properties";
        try (var in = PageText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
