package org.abusedesk.inboundmail;

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
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(MotoExtension.class)
class InboundMailSnapStartIT {

    @Test
    void runtimeHandler_primesItsSnapshotWithoutStoringAnything_andTakesMailAfterARestore(Stack stack)
            throws Exception {
        // GIVEN the handler built as the Lambda runtime builds it, registering with a CRaC context of the test's
        var checkpoints = new RecordingCheckpoints();
        var stdout = new Stdout();
        var handler = stdout.whileBuilding(() -> new InboundMailHandler(
                new Environment(stack.runtimeEnvironment(stack.function("InboundMailFunction"))), checkpoints));
        var before = StackContents.of(stack);

        // WHEN the snapshot is taken
        checkpoints.checkpoint();

        // THEN one hook was registered, and its priming (a refused write among them) stored and mailed nothing
        assertThat(checkpoints.resources()).hasSize(1);
        assertThat(before.counts())
                .allSatisfy((id, count) -> assertThat(count).as(id).isZero());
        assertThat(StackContents.of(stack)).isEqualTo(before);
        assertThat(stdout.metricLines()).isEmpty();

        // WHEN an execution environment is restored from it, and SES's first event comes
        var snapshotted = Randomness.secureRandom();
        checkpoints.restore();
        try (var s3 = stack.aws().s3()) {
            s3.putObject(
                    r -> r.bucket(stack.ref("InboundMailBucket"))
                            .key("inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1"),
                    RequestBody.fromBytes(InboundMailHandlerTest.attachedComplaint()));
        }
        handler.handleRequest(
                new ByteArrayInputStream(InboundMailHandlerTest.event().getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(),
                new InvocationContext("first-after-restore"));

        // THEN its random sources are new ones, and it stored and counted the mail's complaint as ever
        assertThat(Randomness.secureRandom()).isNotSameAs(snapshotted);
        assertThat(StackContents.of(stack).counts()).containsEntry("ComplaintsTable", 1L);
        assertThat(stdout.metricLines())
                .singleElement()
                .asString()
                .contains("\"ComplaintsReceived\":1", "\"Channel\":\"MAIL\"");
    }
}
