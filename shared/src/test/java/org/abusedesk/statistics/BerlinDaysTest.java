package org.abusedesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.abusedesk.complaint.Channel;
import org.junit.jupiter.api.Test;

class BerlinDaysTest {

    @Test
    void of_putsAComplaintJustBeforeBerlinMidnightOnThatDay_andOneAtMidnightOnTheNext() {
        // GIVEN summer time (UTC+2): Berlin's midnight of 1 to 2 July is 22:00 UTC
        // WHEN / THEN a moment before it is 1 July, midnight itself 2 July, though both are 1 July in UTC
        assertThat(BerlinDays.of(Instant.parse("2026-07-01T21:59:59.999Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(BerlinDays.of(Instant.parse("2026-07-01T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 7, 2));
        // AND in winter time (UTC+1) midnight is 23:00 UTC
        assertThat(BerlinDays.of(Instant.parse("2026-01-15T22:59:59Z"))).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(BerlinDays.of(Instant.parse("2026-01-15T23:00:00Z"))).isEqualTo(LocalDate.of(2026, 1, 16));
    }

    @Test
    void startAndEnd_ofTheDaysTheClocksChange_are23And25HoursApart() {
        // GIVEN the last Sundays of March and October 2026, when Berlin's clocks go forward and back
        var spring = LocalDate.of(2026, 3, 29);
        var autumn = LocalDate.of(2026, 10, 25);

        // WHEN / THEN the spring day lasts 23 hours, the autumn day 25, each from local midnight to local midnight
        assertThat(BerlinDays.start(spring)).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(BerlinDays.end(spring)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(Duration.between(BerlinDays.start(spring), BerlinDays.end(spring)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(BerlinDays.start(autumn), BerlinDays.end(autumn)))
                .isEqualTo(Duration.ofHours(25));
        // AND the hour repeated in autumn (02:00–03:00 twice) belongs to that one day
        assertThat(BerlinDays.of(Instant.parse("2026-10-25T00:30:00Z"))).isEqualTo(autumn);
        assertThat(BerlinDays.of(Instant.parse("2026-10-25T01:30:00Z"))).isEqualTo(autumn);
        assertThat(BerlinDays.of(Instant.parse("2026-10-25T22:59:59Z"))).isEqualTo(autumn);
        assertThat(BerlinDays.of(Instant.parse("2026-10-25T23:00:00Z"))).isEqualTo(autumn.plusDays(1));
    }

    @Test
    void inMemoryTallies_bucketComplaintsByBerlinDay_andGiveEveryDayOfTheRange() {
        // GIVEN a form complaint just before and a mail complaint at Berlin's midnight of 29 to 30 March 2026
        var tallies = new InMemoryComplaintTallies();
        tallies.count(Instant.parse("2026-03-29T21:59:59Z"), Channel.FORM);
        tallies.count(Instant.parse("2026-03-29T22:00:00Z"), Channel.MAIL);

        // WHEN three days are read
        var days = tallies.days(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30));

        // THEN each is on its own day, and the day without complaints is there with 0
        assertThat(days)
                .extracting(DailyComplaints::day)
                .containsExactly(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30));
        assertThat(days.get(0).total()).isZero();
        assertThat(days.get(1).count(Channel.FORM)).isEqualTo(1);
        assertThat(days.get(1).count(Channel.MAIL)).isZero();
        assertThat(days.get(2).count(Channel.MAIL)).isEqualTo(1);
    }
}
