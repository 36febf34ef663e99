package org.abusedesk.console.pages;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.abusedesk.complaint.Language;

/**
 * The words of the console's pages in one language, read once from {@code page-text_<language>.properties}, and how
 * that language writes times, dates and numbers.
 */
public final class PageText {

    /** The abuse team works in Berlin: every time is shown there, with its ISO value beside it. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final Map<Language, PageText> BY_LANGUAGE = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, new PageText(language, load(language)));
        }
    }

    private final Language language;
    private final Properties texts;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    private PageText(Language language, Properties texts) {
        this.language = language;
        this.texts = texts;
        this.dateTime = DateTimeFormatter.ofPattern(get("format.dateTime"), language.locale())
                .withZone(BERLIN);
        this.date = DateTimeFormatter.ofPattern(get("format.date"), language.locale());
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
        return tag(language == Language.DE ? Language.EN : Language.DE);
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

    /** The text of an enum constant, under {@code <prefix>.<NAME>}: states, channels, statuses ... */
    public String name(String prefix, Enum<?> value) {
        return get(prefix + "." + value.name());
    }

    /** A moment as the abuse team reads it: in Berlin, e.g. {@code 27.11.2026 11:00}. */
    public String time(Instant at) {
        return dateTime.format(at);
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    /** A duration in whole days, or hours below a day: how old the oldest open case is. */
    public String age(Duration age) {
        long days = age.toDays();
        return days > 0 ? get("age.days", days) : get("age.hours", Math.max(0, age.toHours()));
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(language.locale()).format(value);
    }

    /** A rate in percent, to at most 4 places, e.g. {@code 0,125 %}. */
    public String percent(BigDecimal value) {
        var format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(value.signum() == 0 ? 0 : 2);
        format.setMaximumFractionDigits(4);
        return format.format(value.setScale(4, RoundingMode.HALF_UP)) + " %";
    }

    Set<String> keys() {
        return texts.stringPropertyNames();
    }

    static String tag(Language language) {
        return language.name().toLowerCase(Locale.ROOT);
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
