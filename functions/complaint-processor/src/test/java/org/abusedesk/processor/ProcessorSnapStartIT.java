package org.abusedesk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.abusedesk.config.Environment;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.local.Stack;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.snapstart.RecordingCheckpoints;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.StackContents;
import org.abusedesk.testkit.Stdout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class ProcessorSnapStartIT {

    @Test
    void bothRuntimeHandlers_primeTheirSnapshotsWithoutWritingOrMailing_andWorkAfterARestore(Stack stack)
            throws Exception {
        // GIVEN the processor and the flush built as the Lambda runtime builds them, with a CRaC context of the test's
        var checkpoints = new RecordingCheckpoints();
        var stdout = new Stdout();
        stdout.whileBuilding(() -> new ComplaintProcessorHandler(
                new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction"))), checkpoints));
        var flush = stdout.whileBuilding(() -> new NotificationFlushHandler(
                new Environment(stack.runtimeEnvironment(stack.function("NotificationFlushFunction"))), checkpoints));
        var before = StackContents.of(stack);

        // WHEN the snapshots are taken
        checkpoints.checkpoint();

        // THEN each registered one hook, and their priming (every kind of mail composed) wrote and mailed nothing
        assertThat(checkpoints.resources()).hasSize(2);
        assertThat(before.counts())
                .allSatisfy((id, count) -> assertThat(count).as(id).isZero());
        assertThat(StackContents.of(stack)).isEqualTo(before);
        assertThat(stdout.metricLines()).isEmpty();

        // WHEN an execution environment is restored, and the schedule's first event comes
        var snapshotted = Randomness.secureRandom();
        checkpoints.restore();
        var out = new ByteArrayOutputStream();
        flush.handleRequest(
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                out,
                new InvocationContext("first-after-restore"));

        // THEN its random sources are new ones, and the flush runs as ever
        assertThat(Randomness.secureRandom()).isNotSameAs(snapshotted);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"mails\":0}");
    }
}
