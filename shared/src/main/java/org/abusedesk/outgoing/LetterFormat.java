package org.abusedesk.outgoing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.abusedesk.complaint.Language;

/** How the desk's letters write dates and rates: German or English, in the desk's time zone, Berlin. */
public final class LetterFormat {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DE_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Language.EN.locale());
    private static final DateTimeFormatter DE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter EN_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Language.EN.locale());

    private LetterFormat() {}

    public static String date(Instant at, Language language) {
        return (language == Language.DE ? DE_DATE : EN_DATE).format(at.atZone(BERLIN));
    }

    public static String time(Instant at, Language language) {
        String time = (language == Language.DE ? DE_TIME : EN_TIME).format(at.atZone(BERLIN));
        return language == Language.DE ? time + " Uhr" : time + " (Berlin)";
    }

    /** A rate in percent, to three places at most: 0.025 % is neither 0.03 % nor 0 %. */
    public static String percent(BigDecimal percent, Language language) {
        var format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(3);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(percent) + " %";
    }
}
