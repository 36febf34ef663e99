package org.abusedesk.request;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.abusedesk.complaint.Language;

/** Which of the desk's languages a request asks for, the form's and the console's alike: an explicit choice first, then its Accept-Language. */
public final class Languages {

    /**
     * Far longer than any browser's Accept-Language: the parser's work grows with the square of the ranges, so a
     * longer header is not read at all.
     */
    public static final int MAX_ACCEPT_LANGUAGE_LENGTH = 1024;

    private Languages() {}

    /**
     * @param chosen a {@code lang} parameter or field, when the request has one
     * @param acceptLanguage the Accept-Language header, when the request has one
     * @param fallback the language when neither names German or English, or the header cannot be read
     */
    public static Language negotiate(Optional<String> chosen, Optional<String> acceptLanguage, Language fallback) {
        var explicit = chosen.flatMap(Languages::of);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        return acceptLanguage.flatMap(Languages::preferred).orElse(fallback);
    }

    /** The language of a tag such as {@code de}, {@code de-AT} or {@code EN-gb}; empty for any other. */
    public static Optional<Language> of(String tag) {
        String primary = tag.strip().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        primary = dash < 0 ? primary : primary.substring(0, dash);
        return switch (primary) {
            case "de" -> Optional.of(Language.DE);
            case "en" -> Optional.of(Language.EN);
            default -> Optional.empty();
        };
    }

    // RFC 9110 §12.5.4: the highest weight wins, the earlier range among equals; q=0 means "not this one". The
    // parser orders the ranges so, and refuses a malformed header as a whole: then no language was asked for.
    private static Optional<Language> preferred(String header) {
        if (header.length() > MAX_ACCEPT_LANGUAGE_LENGTH) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return ranges.stream()
                .filter(range -> range.getWeight() > 0)
                .flatMap(range -> of(range.getRange()).stream())
                .findFirst();
    }
}
