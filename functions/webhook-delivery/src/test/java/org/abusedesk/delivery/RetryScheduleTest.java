package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void delays_doubleFromAMinute_upToTwoHours() {
        var schedule = RetrySchedule.DEFAULT;

        assertThat(IntStream.rangeClosed(1, 10).mapToObj(schedule::delayAfter).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 120L, 120L, 120L);
        assertThat(schedule.delayAfter(1_000_000)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.delayAfter(0)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void attempts_areThoseThatStartWithin24Hours_eighteen() {
        var schedule = RetrySchedule.DEFAULT;
        int attempts = schedule.attempts();

        Duration lastStart = Duration.ZERO;
        for (int i = 1; i < attempts; i++) {
            lastStart = lastStart.plus(schedule.delayAfter(i));
        }
        assertThat(attempts).isEqualTo(18);
        assertThat(lastStart).isLessThanOrEqualTo(Duration.ofHours(24));
        assertThat(lastStart.plus(schedule.delayAfter(attempts))).isGreaterThan(Duration.ofHours(24));
    }

    @Test
    void aScheduleInSeconds_isTheSameScaledDown() {
        var seconds = RetrySchedule.startingAfter(Duration.ofSeconds(1));

        assertThat(seconds.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(seconds.delayAfter(9)).isEqualTo(Duration.ofSeconds(120));
        assertThat(seconds.attempts()).isEqualTo(RetrySchedule.DEFAULT.attempts());
    }

    @Test
    void aScheduleWithoutDelay_isRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
