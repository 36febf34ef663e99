package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(MotoExtension.class)
class InboundMailHandlerIT {

    @Test
    void sesEvent_readsTheMailFromTheTemplatesBucket_andWritesItsComplaintOnce(Stack stack) throws IOException {
        // GIVEN the handler wired as in Lambda, and the mail where SES's S3 action puts it
        var function = stack.function("InboundMailFunction");
        var handler = new InboundMailHandler(
                InboundMailWiring.of(new Environment(stack.runtimeEnvironment(function))), new RecordingCheckpoints());
        String bucket = stack.ref("InboundMailBucket");
        try (var s3 = stack.aws().s3()) {
            s3.putObject(
                    r -> r.bucket(bucket).key("inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1"),
                    RequestBody.fromBytes(InboundMailHandlerTest.attachedComplaint()));
        }
        String event = InboundMailHandlerTest.event();

        // WHEN SES's event comes, and comes again
        handle(handler, event);
        handle(handler, event);

        // THEN the table holds one complaint, under the Mailing ID, pointing at the mail in the bucket
        try (var dynamoDb = stack.aws().dynamoDb()) {
            var items = dynamoDb.scan(r -> r.tableName(stack.ref("ComplaintsTable")))
                    .items();
            assertThat(items).hasSize(1);
            var item = items.get(0);
            assertThat(item.get("mailingId").s()).isEqualTo("14141611");
            assertThat(item.get("channel").s()).isEqualTo("MAIL");
            assertThat(item.get("classification").s()).isEqualTo("COMPLAINT");
            assertThat(item.get("claimedAccountId").s()).isEqualTo("121070");
            assertThat(item.get("provenance").m().get("evidence").s())
                    .isEqualTo("s3://" + bucket + "/inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1");
            assertThat(item.get("provenance").m().get("mailingIdSource").s()).isEqualTo("header:X-Mailing");
        }
        assertThat(function.environment())
                .containsEntry("INBOUND_BUCKET", bucket)
                .containsEntry("INBOUND_PREFIX", "inbound/")
                .containsEntry("SENDING_DOMAINS", "example.com");
    }

    private static void handle(InboundMailHandler handler, String event) throws IOException {
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
    }
}
