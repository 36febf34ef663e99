package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
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
class ComplaintFormSnapStartIT {

    @Test
    void runtimeHandler_primesItsSnapshotWithoutStoringAnything_andTakesComplaintsAfterARestore(Stack stack)
            throws Exception {
        // GIVEN the handler built as the Lambda runtime builds it, registering with a CRaC context of the test's
        var checkpoints = new RecordingCheckpoints();
        var stdout = new Stdout();
        var handler = stdout.whileBuilding(() -> new ComplaintFormHandler(
                new Environment(stack.runtimeEnvironment(stack.function("ComplaintFormFunction"))), checkpoints));
        var before = StackContents.of(stack);

        // WHEN the snapshot is taken
        checkpoints.checkpoint();

        // THEN one hook was registered, and its priming stored, queued and mailed nothing, and counted no metric
        assertThat(checkpoints.resources()).hasSize(1);
        assertThat(before.counts())
                .allSatisfy((id, count) -> assertThat(count).as(id).isZero());
        assertThat(StackContents.of(stack)).isEqualTo(before);
        assertThat(stdout.metricLines()).isEmpty();

        // WHEN an execution environment is restored from it
        var snapshotted = Randomness.secureRandom();
        checkpoints.restore();

        // THEN its random sources are new ones, and it takes a complaint as ever, counting it
        assertThat(Randomness.secureRandom()).isNotSameAs(snapshotted);
        var response = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("apigw/submit-complaint.json"),
                new InvocationContext("first-after-restore"));
        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(StackContents.of(stack).counts()).containsEntry("ComplaintsTable", 1L);
        assertThat(stdout.metricLines())
                .singleElement()
                .asString()
                .contains("\"ComplaintsReceived\":1", "\"Channel\":\"FORM\"");
    }
}
