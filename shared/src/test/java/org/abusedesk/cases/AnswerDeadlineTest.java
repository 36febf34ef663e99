package org.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerDeadlineTest {

    @ParameterizedTest(name = "received {0} ({2}): answer by the end of {1}")
    @CsvSource({
        // a Monday: Tuesday and Wednesday are the two working days
        "2026-11-23T09:00:00Z, 2026-11-25, Monday",
        // a Thursday: Friday, then the weekend is skipped
        "2026-11-26T15:00:00Z, 2026-11-30, Thursday",
        "2026-11-27T10:00:00Z, 2026-12-01, Friday",
        "2026-11-28T10:00:00Z, 2026-12-01, Saturday",
        "2026-11-29T10:00:00Z, 2026-12-01, Sunday",
        // Sunday 23:30 UTC is Monday 00:30 in Berlin: the Berlin day counts
        "2026-11-29T23:30:00Z, 2026-12-02, Monday in Berlin",
        // Friday 23:30 in Berlin is still Friday there, though Friday 22:30 UTC
        "2026-11-27T22:30:00Z, 2026-12-01, Friday late",
        // public holidays are working days to the desk: Christmas Eve is a Thursday, the 25th a Friday
        "2026-12-24T10:00:00Z, 2026-12-28, Christmas Eve"
    })
    void csa_isTheEndOfTheSecondWorkingDayAfterReceipt_inBerlin(String received, String lastDay, String day) {
        var deadline = AnswerDeadline.csa(Instant.parse(received));

        assertThat(deadline.lastDay()).isEqualTo(LocalDate.parse(lastDay));
        assertThat(deadline.endsAt().toLocalDate())
                .isEqualTo(LocalDate.parse(lastDay).plusDays(1));
        assertThat(deadline.endsAt().toLocalTime()).hasHour(0).hasMinute(0);
        assertThat(deadline.endsAt().getZone()).isEqualTo(AnswerDeadline.BERLIN);
    }

    @ParameterizedTest(name = "received {0}: ends {1}")
    @CsvSource({
        // summer time begins on Sunday 2026-03-29: the deadline ends at midnight summer time
        "2026-03-27T10:00:00Z, 2026-04-01T00:00+02:00",
        // summer time ends on Sunday 2026-10-25: the deadline ends at midnight winter time
        "2026-10-23T10:00:00Z, 2026-10-28T00:00+01:00"
    })
    void csa_overAChangeOfTheClocks_endsAtMidnightOfTheTimeThen(String received, String endsAt) {
        assertThat(AnswerDeadline.csa(Instant.parse(received)).endsAt().toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse(endsAt));
    }
}
