package org.abusedesk.processor;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class ProcessorSnapStartIT {

    @Test
    void bothRuntimeHandlers_primeTheirSnapshotsWithoutWritingOrMailing_andWorkAfterARestore(Stack stack)
            throws Exception {
        // The processor and the flush on one checkpoint context, a hook each; their priming composes every kind of
        // mail.
        SnapStartContract.of(stack, Randomness::secureRandom)
                .withHooks(2)
                .verify(
                        checkpoints -> {
                            new ComplaintProcessorHandler(
                                    ProcessorWiring.of(new Environment(
                                            stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction")))),
                                    checkpoints);
                            return new NotificationFlushHandler(
                                    ProcessorWiring.of(new Environment(
                                            stack.runtimeEnvironment(stack.function("NotificationFlushFunction")))),
                                    checkpoints);
                        },
                        (flush, stdout) -> {
                            // WHEN the schedule's first event comes
                            var out = new ByteArrayOutputStream();
                            flush.handleRequest(
                                    new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                                    out,
                                    new InvocationContext("first-after-restore"));

                            // THEN the flush runs as ever
                            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"mails\":0}");
                        });
    }
}
