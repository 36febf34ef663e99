package org.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void contains_theComplaintsFromItsStart_untilJustBeforeItsEnd_toTheMillisecond() {
        var range = TimeRange.between(FROM, TO);

        assertThat(range.contains(CaseFixtures.idAt(FROM))).isTrue();
        assertThat(range.contains(CaseFixtures.idAt(TO.minusMillis(1)))).isTrue();
        assertThat(range.contains(CaseFixtures.idAt(TO))).isFalse();
        assertThat(range.contains(CaseFixtures.idAt(FROM.minusMillis(1)))).isFalse();
    }

    @Test
    void anOpenEnd_boundsNothingOnThatSide() {
        var since = new TimeRange(Optional.of(FROM), Optional.empty());

        assertThat(since.contains(CaseFixtures.idAt(Instant.parse("2099-01-01T00:00:00Z"))))
                .isTrue();
        assertThat(since.highestId()).isEmpty();
        assertThat(TimeRange.ANY.contains(CaseFixtures.idAt(Instant.EPOCH))).isTrue();
        assertThat(TimeRange.ANY.label()).isEqualTo("..");
        assertThat(since.label()).isEqualTo(FROM.toEpochMilli() + "..");
    }

    @Test
    void aRangeThatEndsBeforeItStarts_isRefused() {
        assertThatThrownBy(() -> TimeRange.between(TO, FROM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from must be before to");
        assertThatThrownBy(() -> TimeRange.between(FROM, FROM)).isInstanceOf(IllegalArgumentException.class);
    }
}
