package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.Stack;
import org.abusedesk.packaging.FunctionZip;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.StackContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The zip that is deployed: small, and complete, its handler running from its own classes and jars alone. */
@ExtendWith(MotoExtension.class)
class ComplaintFormZipIT {

    private static final FunctionZip ZIP = FunctionZip.of("complaint-form");

    @Test
    void zip_staysWithin15MiB_andCarriesNeitherMailReadingNorOtherFunctionsClients() {
        assertThat(ZIP.size()).isLessThanOrEqualTo(FunctionZip.MAX_BYTES);
        assertThat(ZIP.libraries())
                .contains("dynamodb", "secretsmanager", "jte-runtime", "jmail")
                .doesNotContain(
                        "poi",
                        "poi-scratchpad",
                        "apache-jdkim-library",
                        "dnsjava",
                        "apache-mime4j-dom",
                        "s3",
                        "sesv2",
                        "sqs",
                        "commons-math3");
    }

    @Test
    void handlerFromTheZip_primesItsSnapshot_andTakesAComplaint(Stack stack) throws Exception {
        // GIVEN the function as the template declares it
        var function = stack.function("ComplaintFormFunction");
        String event = Files.readString(ProjectRoot.find().resolve("events/apigw/submit-complaint.json"));

        // WHEN its handler is run from the zip: built, checkpointed and restored, then given a submission
        var run = ZIP.run(function.handlerClass(), stack.runtimeEnvironment(function), event);

        // THEN it registered its priming hook, and took the complaint
        assertThat(run.hooks()).as(run.log()).isEqualTo(1);
        assertThat(run.responses().get(0)).as(run.log()).contains("\"statusCode\":202");
        assertThat(StackContents.of(stack).counts()).containsEntry("ComplaintsTable", 1L);
    }
}
