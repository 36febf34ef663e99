package org.abusedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionLogTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final SourceLimit THREE_PER_MINUTE = new SourceLimit(3, Duration.ofMinutes(1));

    @Test
    void admit_recordsUpToTheLimit_thenRefusesUntilTheOldestLeaves() {
        var log = SubmissionLog.EMPTY;
        for (int i = 0; i < 3; i++) {
            var decision = log.admit(T0.plusSeconds(10L * i), THREE_PER_MINUTE);
            assertThat(decision.admission()).isInstanceOf(Admission.Admitted.class);
            log = decision.log();
        }

        var fourth = log.admit(T0.plusSeconds(30), THREE_PER_MINUTE);

        assertThat(fourth.admission()).isEqualTo(new Admission.Refused(Duration.ofSeconds(30)));
        assertThat(fourth.log()).isEqualTo(log);
        assertThat(log.admit(T0.plusSeconds(60), THREE_PER_MINUTE).admission()).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void admit_holdsInAnyWindow_notOnlyOnClockBoundaries() {
        // Three just before a minute's boundary and one just after: a fixed window would let the fourth in.
        var log = new SubmissionLog(List.of(T0.plusSeconds(57), T0.plusSeconds(58), T0.plusSeconds(59)));

        var decision = log.admit(T0.plusSeconds(61), THREE_PER_MINUTE);

        assertThat(decision.admission()).isEqualTo(new Admission.Refused(Duration.ofSeconds(56)));
    }

    @Test
    void admit_forgetsWhatLeftTheWindow() {
        var log = new SubmissionLog(List.of(T0, T0.plusSeconds(1), T0.plusSeconds(2)));

        var decision = log.admit(T0.plusSeconds(61), THREE_PER_MINUTE);

        assertThat(decision.log().times()).containsExactly(T0.plusSeconds(2), T0.plusSeconds(61));
        assertThat(decision.log().expiresAt(THREE_PER_MINUTE)).isEqualTo(T0.plusSeconds(121));
    }
}
