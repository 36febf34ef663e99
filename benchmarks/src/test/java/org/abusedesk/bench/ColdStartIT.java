package org.abusedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.abusedesk.bench.coldstart.ColdStart;
import org.abusedesk.bench.coldstart.PrepareColdStart;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-start harness on a moto server, in this JVM: what tools/performance prepares, each function's runner
 * and the baseline handle their first event successfully, each taking a fresh one.
 */
@ExtendWith(MotoExtension.class)
class ColdStartIT {

    /** As tools/performance runs them: the handler and the type the runtime reads the event into. */
    private static final Map<String, String[]> RUNS = Map.of(
            "baseline",
            new String[] {"org.abusedesk.bench.coldstart.MinimalHandler", "java.util.Map"},
            "form",
            new String[] {
                "org.abusedesk.form.ComplaintFormHandler",
                "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent"
            },
            "inbound",
            new String[] {"org.abusedesk.inboundmail.InboundMailHandler", "stream"},
            "processor",
            new String[] {
                "org.abusedesk.processor.ComplaintProcessorHandler",
                "com.amazonaws.services.lambda.runtime.events.SQSEvent"
            },
            "admin",
            new String[] {
                "org.abusedesk.admin.api.AdminApiHandler",
                "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent"
            });

    @Test
    void everyFunctionAndTheBaseline_handleTheirPreparedFirstEvent(AwsEndpoint aws, @TempDir Path folder)
            throws Exception {
        // GIVEN the stack and two fresh events per function, as tools/performance prepares them
        PrepareColdStart.main(new String[] {aws.uri().toString(), folder.toString(), "2"});

        for (var run : RUNS.entrySet()) {
            Path events = folder.resolve("events").resolve(run.getKey());
            assertThat(events)
                    .isDirectoryContaining(p -> p.getFileName().toString().equals("00000.json"));

            // WHEN the runner handles the first one
            String failure = ColdStart.run(new String[] {
                run.getValue()[0],
                run.getValue()[1],
                events.toString(),
                folder.resolve("env").resolve(run.getKey() + ".properties").toString()
            });

            // THEN the answer is a success, and the event it took is gone
            assertThat(failure).as(run.getKey()).isNull();
            try (var left = Files.list(events)) {
                assertThat(left)
                        .as(run.getKey())
                        .singleElement()
                        .satisfies(p -> assertThat(p.getFileName()).hasToString("00001.json"));
            }
        }
    }
}
