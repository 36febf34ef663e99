package org.abusedesk.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.abusedesk.logging.CapturedLog;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.crac.CheckpointException;
import org.junit.jupiter.api.Test;

class SnapStartTest {

    private final RecordingCheckpoints checkpoints = new RecordingCheckpoints();

    @Test
    void register_addsOneResource_thatPrimesBeforeTheCheckpoint_andRenewsTheRandomSourcesAfterTheRestore()
            throws Exception {
        var primed = new AtomicInteger();

        SnapStart.register(checkpoints, primed::incrementAndGet);

        assertThat(checkpoints.resources()).hasSize(1);
        assertThat(primed).hasValue(0);
        try (var log = CapturedLog.start()) {
            checkpoints.checkpoint();
            assertThat(primed).hasValue(1);
            assertThat(log.lines())
                    .extracting(line -> line.get("message").asText())
                    .containsExactly("primed for the snapshot");
        }
        var snapshotted = Randomness.secureRandom();
        checkpoints.restore();
        assertThat(Randomness.secureRandom()).isNotSameAs(snapshotted);
        assertThat(primed).hasValue(1);
    }

    @Test
    void aPrimingThatFails_failsTheCheckpoint() {
        SnapStart.register(checkpoints, () -> {
            throw new IllegalStateException("template missing");
        });

        assertThatThrownBy(checkpoints::checkpoint)
                .isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .satisfies(cause -> assertThat(cause).hasMessage("template missing")));
    }

    @Test
    void warm_swallowsTheFailureOfAWarmingRequest() {
        var tried = new AtomicInteger();

        Priming.warm(() -> {
            tried.incrementAndGet();
            throw new IllegalStateException("NoSuchKey");
        });

        assertThat(tried).hasValue(1);
    }
}
