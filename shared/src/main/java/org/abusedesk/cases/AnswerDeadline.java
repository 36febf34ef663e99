package org.abusedesk.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a complaint the Certified Senders Alliance forwards must be answered: by the end of the second working day
 * (Monday to Friday) after the day it was received, in Berlin time. Public holidays are not known to the desk and
 * count as working days.
 *
 * @param lastDay the second working day after the day of receipt
 * @param endsAt the moment that day ends in Berlin (midnight, the start of the next day): the answer is due before it
 */
public record AnswerDeadline(LocalDate lastDay, ZonedDateTime endsAt) {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final int WORKING_DAYS = 2;

    public AnswerDeadline {
        Objects.requireNonNull(lastDay, "lastDay == null");
        Objects.requireNonNull(endsAt, "endsAt == null");
    }

    public static AnswerDeadline csa(Instant receivedAt) {
        var day = LocalDate.ofInstant(receivedAt, BERLIN);
        for (int counted = 0; counted < WORKING_DAYS; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        // The start of the next day in Berlin, whatever the clocks did that night.
        return new AnswerDeadline(day, day.plusDays(1).atStartOfDay(BERLIN));
    }
}
