package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.abusedesk.config.Environment;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.local.Stack;
import org.abusedesk.snapstart.Randomness;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.SnapStartContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class AdminApiSnapStartIT {

    @Test
    void theRuntimeHandler_primesItsSnapshotWithoutWriting_andServesAfterARestore(Stack stack) throws Exception {
        // Its priming answers every read route.
        SnapStartContract.of(stack, Randomness::secureRandom)
                .verify(
                        checkpoints -> new AdminApiHandler(
                                AdminApiWiring.of(
                                        new Environment(stack.runtimeEnvironment(stack.function("AdminApiFunction")))),
                                checkpoints),
                        (handler, stdout) -> {
                            // WHEN the first request comes
                            var response = handler.handleRequest(
                                    InMemoryAdminApi.event(
                                            "GET /admin/mailings/{mailingId}",
                                            Map.of("mailingId", "14141611"),
                                            Map.of(),
                                            List.of("abuse-desk/read"),
                                            null,
                                            null),
                                    new InvocationContext("first-after-restore"));

                            // THEN it answers as ever
                            assertThat(response.getStatusCode()).isEqualTo(404);
                        });
    }
}
