package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ReconcileCommandTest {

    private final ReconcileCommand.DurationConverter durations = new ReconcileCommand.DurationConverter();

    @Test
    void durations_areSecondsMinutesHoursOrDays_orIso8601() {
        assertThat(durations.convert("0s")).isEqualTo(Duration.ZERO);
        assertThat(durations.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(durations.convert("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(durations.convert("72H")).isEqualTo(Duration.ofHours(72));
        assertThat(durations.convert("3d")).isEqualTo(Duration.ofDays(3));
        assertThat(durations.convert("PT15M")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void durations_thatAreNegativeOrNoDuration_areRefusedNamingTheValue() {
        assertThatThrownBy(() -> durations.convert("-5m"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("not a duration (e.g. 0s, 15m, 72h): -5m");
        assertThatThrownBy(() -> durations.convert("PT-1M"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("not a duration (e.g. 0s, 15m, 72h): PT-1M");
        assertThatThrownBy(() -> durations.convert("soon"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("not a duration (e.g. 0s, 15m, 72h): soon");
    }
}
