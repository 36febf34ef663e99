package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.abusedesk.config.Environment;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.local.Stack;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.SnapStartContract;
import org.abusedesk.testkit.StackContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(MotoExtension.class)
class ReconcilerSnapStartIT {

    @Test
    void runtimeHandler_primesItsSnapshotWithoutStoringAnything_andReconcilesAfterARestore(Stack stack)
            throws Exception {
        // GIVEN the reconciler's environment with no grace for stored mail
        var environment = new HashMap<>(stack.runtimeEnvironment(stack.function("ReconcilerFunction")));
        environment.put("RECONCILE_MAIL_AFTER_MINUTES", "0");

        SnapStartContract.of(stack, Randomness::secureRandom)
                .verify(
                        checkpoints ->
                                new ReconcilerHandler(InboundMailWiring.of(new Environment(environment)), checkpoints),
                        (handler, stdout) -> {
                            // WHEN a mail is stored without its event, and the schedule comes
                            try (var s3 = stack.aws().s3()) {
                                s3.putObject(
                                        r -> r.bucket(stack.ref("InboundMailBucket"))
                                                .key("inbound/lost-event-after-restore"),
                                        RequestBody.fromBytes(InboundMailHandlerTest.attachedComplaint()));
                            }
                            handler.handleRequest(
                                    new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                                    new ByteArrayOutputStream(),
                                    new InvocationContext("first-after-restore"));

                            // THEN the lost mail's complaint is stored
                            assertThat(StackContents.of(stack).counts()).containsEntry("ComplaintsTable", 1L);
                        });
    }
}
