package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
class InboundMailSnapStartIT {

    @Test
    void runtimeHandler_primesItsSnapshotWithoutStoringAnything_andTakesMailAfterARestore(Stack stack)
            throws Exception {
        // Its priming has a refused write among it: the contract checks that it stored nothing all the same.
        SnapStartContract.of(stack, Randomness::secureRandom)
                .verify(
                        checkpoints -> new InboundMailHandler(
                                InboundMailWiring.of(new Environment(
                                        stack.runtimeEnvironment(stack.function("InboundMailFunction")))),
                                checkpoints),
                        (handler, stdout) -> {
                            // WHEN SES's first event comes for a stored mail
                            try (var s3 = stack.aws().s3()) {
                                s3.putObject(
                                        r -> r.bucket(stack.ref("InboundMailBucket"))
                                                .key("inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1"),
                                        RequestBody.fromBytes(InboundMailHandlerTest.attachedComplaint()));
                            }
                            handler.handleRequest(
                                    new ByteArrayInputStream(
                                            InboundMailHandlerTest.event().getBytes(StandardCharsets.UTF_8)),
                                    new ByteArrayOutputStream(),
                                    new InvocationContext("first-after-restore"));

                            // THEN it stored and counted the mail's complaint as ever
                            assertThat(StackContents.of(stack).counts()).containsEntry("ComplaintsTable", 1L);
                            assertThat(stdout.metricLines())
                                    .singleElement()
                                    .asString()
                                    .contains("\"ComplaintsReceived\":1", "\"Channel\":\"MAIL\"");
                        });
    }
}
