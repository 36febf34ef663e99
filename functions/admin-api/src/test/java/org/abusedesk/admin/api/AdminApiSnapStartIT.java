package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.snapstart.RecordingCheckpoints;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.StackContents;
import org.abusedesk.testkit.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class AdminApiSnapStartIT {

    @Test
    void theRuntimeHandler_primesItsSnapshotWithoutWriting_andServesAfterARestore(Stack stack) throws Exception {
        // GIVEN the admin API built as the Lambda runtime builds it, with a CRaC context of the test's
        var checkpoints = new RecordingCheckpoints();
        var handler = new AdminApiHandler(
                AdminApiWiring.of(new Environment(stack.runtimeEnvironment(stack.function("AdminApiFunction")))),
                checkpoints);
        var before = StackContents.of(stack);

        // WHEN the snapshot is taken
        checkpoints.checkpoint();

        // THEN it registered one hook, and its priming (every read route answered) wrote nothing
        assertThat(checkpoints.resources()).hasSize(1);
        assertThat(StackContents.of(stack)).isEqualTo(before);

        // WHEN an execution environment is restored, and the first request comes
        var snapshotted = Randomness.secureRandom();
        checkpoints.restore();
        var response = handler.handleRequest(
                InMemoryAdminApi.event(
                        "GET /admin/mailings/{mailingId}",
                        Map.of("mailingId", "14141611"),
                        Map.of(),
                        List.of("abuse-desk/read"),
                        null,
                        null),
                new TestContext("first-after-restore"));

        // THEN its random sources are new ones, and it answers as ever
        assertThat(Randomness.secureRandom()).isNotSameAs(snapshotted);
        assertThat(response.getStatusCode()).isEqualTo(404);
    }
}
