package org.abusedesk.form;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.abusedesk.complaint.Language;

/** Which of the desk's languages a request asks for: an explicit choice first, then its Accept-Language. */
final class Languages {

    private Languages() {}

    /**
     * @param chosen a {@code lang} parameter or field, when the request has one
     * @param acceptLanguage the Accept-Language header, when the request has one
     * @param fallback the language when neither names German or English
     */
    static Language negotiate(Optional<String> chosen, Optional<String> acceptLanguage, Language fallback) {
        var explicit = chosen.flatMap(Languages::of);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        return acceptLanguage.flatMap(Languages::preferred).orElse(fallback);
    }

    /** The language of a tag such as {@code de}, {@code de-AT} or {@code EN-gb}; empty for any other. */
    static Optional<Language> of(String tag) {
        String primary = tag.strip().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        primary = dash < 0 ? primary : primary.substring(0, dash);
        return switch (primary) {
            case "de" -> Optional.of(Language.DE);
            case "en" -> Optional.of(Language.EN);
            default -> Optional.empty();
        };
    }

    private record Ranged(Language language, double quality, int position) {}

    // RFC 9110 §12.5.4: the highest quality wins, the earlier entry among equals; q=0 means "not this one".
    private static Optional<Language> preferred(String header) {
        var ranges = new ArrayList<Ranged>();
        String[] entries = header.split(",");
        for (int i = 0; i < entries.length && i < 50; i++) {
            String[] parts = entries[i].split(";");
            double quality = 1.0;
            for (int p = 1; p < parts.length; p++) {
                String parameter = parts[p].strip();
                if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            int position = i;
            double q = quality;
            of(parts[0]).filter(l -> q > 0).ifPresent(l -> ranges.add(new Ranged(l, q, position)));
        }
        return ranges.stream()
                .sorted(Comparator.comparingDouble(Ranged::quality).reversed().thenComparingInt(Ranged::position))
                .map(Ranged::language)
                .findFirst();
    }
}
