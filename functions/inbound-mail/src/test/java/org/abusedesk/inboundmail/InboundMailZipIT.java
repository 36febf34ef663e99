package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.abusedesk.inbound.Fixtures;
import org.abusedesk.local.Stack;
import org.abusedesk.packaging.FunctionZip;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** The zip that is deployed: small, and complete, its handlers running from its own classes and jars alone. */
@ExtendWith(MotoExtension.class)
class InboundMailZipIT {

    private static final FunctionZip ZIP = FunctionZip.of("inbound-mail");

    @Test
    void zip_staysWithin16MiB_andCarriesNoOtherFunctionsClients() {
        assertThat(ZIP.size()).isLessThanOrEqualTo(FunctionZip.MAX_BYTES_READING_MAIL);
        assertThat(ZIP.libraries())
                .contains(
                        "s3",
                        "sqs",
                        "dynamodb",
                        "apache-mime4j-dom",
                        "apache-jdkim-library",
                        "dnsjava",
                        "jsoup",
                        "poi-scratchpad")
                // The key of the notices' reply addresses: a reply is recognised here; the team's mail is the
                // processor's
                .contains("secretsmanager")
                .doesNotContain("sesv2", "jte-runtime", "commons-math3", "commons-collections4");
    }

    @Test
    void handlersFromTheZip_readAComplaintWithAnOutlookAttachment_andReconcile(Stack stack) throws Exception {
        // GIVEN a complaint that attaches the reported mail as an Outlook .msg file, where SES's S3 action puts it
        var inbound = stack.function("InboundMailFunction");
        try (var s3 = stack.aws().s3()) {
            s3.putObject(
                    r -> r.bucket(stack.ref("InboundMailBucket"))
                            .key("inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1"),
                    RequestBody.fromBytes(Fixtures.forwardedAsOutlookMessage()));
        }

        // WHEN the inbound handler is run from the zip (built, checkpointed, restored) and SES's event comes
        var run = ZIP.run(inbound.handlerClass(), stack.runtimeEnvironment(inbound), InboundMailHandlerTest.event());

        // THEN it primed, and stored the complaint under the Mailing ID of the .msg file's transport headers
        assertThat(run.hooks()).as(run.log()).isEqualTo(1);
        assertThat(run.responses().get(0)).as(run.log()).isEqualTo("{\"disposition\":\"CONTINUE\"}");
        try (var dynamoDb = stack.aws().dynamoDb()) {
            var items = dynamoDb.scan(r -> r.tableName(stack.ref("ComplaintsTable")))
                    .items();
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item.get("mailingId").s()).isEqualTo("14141611");
                assertThat(item.get("claimedAccountId").s()).isEqualTo("121070");
                assertThat(item.get("provenance").m().get("mailingIdSource").s())
                        .isEqualTo("header:X-Mailing");
            });
        }

        // WHEN the reconciler is run from the same zip
        var reconciler = stack.function("ReconcilerFunction");
        var reconciled = ZIP.run(reconciler.handlerClass(), stack.runtimeEnvironment(reconciler), "{}");

        // THEN it primed and ran without a failure
        assertThat(reconciled.hooks()).as(reconciled.log()).isEqualTo(1);
        assertThat(reconciled.responses().get(0)).as(reconciled.log()).contains("\"failures\":0");
    }
}
