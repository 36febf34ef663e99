package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.abusedesk.config.Environment;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.local.Stack;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.SnapStartContract;
import org.abusedesk.testkit.StackContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class ComplaintFormSnapStartIT {

    @Test
    void runtimeHandler_primesItsSnapshotWithoutStoringAnything_andTakesComplaintsAfterARestore(Stack stack)
            throws Exception {
        SnapStartContract.of(stack, Randomness::secureRandom)
                .verify(
                        checkpoints -> new ComplaintFormHandler(
                                FormWiring.of(new Environment(
                                        stack.runtimeEnvironment(stack.function("ComplaintFormFunction")))),
                                checkpoints),
                        (handler, stdout) -> {
                            // WHEN the first complaint comes
                            var response = handler.handleRequest(
                                    EventLoader.loadApiGatewayHttpEvent("apigw/submit-complaint.json"),
                                    new InvocationContext("first-after-restore"));

                            // THEN it is taken as ever, and counted
                            assertThat(response.getStatusCode()).isEqualTo(202);
                            assertThat(StackContents.of(stack).counts()).containsEntry("ComplaintsTable", 1L);
                            assertThat(stdout.metricLines())
                                    .singleElement()
                                    .asString()
                                    .contains("\"ComplaintsReceived\":1", "\"Channel\":\"FORM\"");
                        });
    }
}
