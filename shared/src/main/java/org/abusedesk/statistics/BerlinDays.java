package org.abusedesk.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.abusedesk.cases.AnswerDeadline;

/** The desk's days are Berlin days, as the abuse team lives them: 23 or 25 hours long when the clocks change. */
public final class BerlinDays {

    public static final ZoneId BERLIN = AnswerDeadline.BERLIN;

    private BerlinDays() {}

    /** The Berlin day {@code at} falls on. */
    public static LocalDate of(Instant at) {
        return LocalDate.ofInstant(at, BERLIN);
    }

    /** The first moment of {@code day} in Berlin. */
    public static Instant start(LocalDate day) {
        return day.atStartOfDay(BERLIN).toInstant();
    }

    /** The moment {@code day} ends in Berlin: the first moment of the next day, whatever the clocks did that night. */
    public static Instant end(LocalDate day) {
        return start(day.plusDays(1));
    }
}
