package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.inbound.Fixtures;
import org.abusedesk.local.Stack;
import org.abusedesk.packaging.FunctionZip;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** The zip that is deployed: small, and complete, its handler running from its own classes and jars alone. */
@ExtendWith(MotoExtension.class)
class AdminApiZipIT {

    private static final FunctionZip ZIP = FunctionZip.of("admin-api");

    @Test
    void zip_staysWithin15MiB_andCarriesNoOtherFunctionsClients() {
        assertThat(ZIP.size()).isLessThanOrEqualTo(FunctionZip.MAX_BYTES);
        assertThat(ZIP.libraries())
                .contains("dynamodb", "s3", "apache-mime4j-dom", "poi-scratchpad", "fastcsv")
                .doesNotContain("sesv2", "sqs", "secretsmanager", "apache-jdkim-library", "dnsjava", "commons-math3");
    }

    @Test
    void handlerFromTheZip_exportsACaseByReadingItsStoredOutlookAttachmentAgain(Stack stack) throws Exception {
        // GIVEN a mailed case whose stored raw mail attaches the reported message as an Outlook .msg file
        String bucket = stack.ref("InboundMailBucket");
        try (var s3 = stack.aws().s3()) {
            s3.putObject(
                    r -> r.bucket(bucket).key("inbound/ses-zip"),
                    RequestBody.fromBytes(Fixtures.forwardedAsOutlookMessage()));
        }
        var complaint = CaseFixtures.withEvidence(
                CaseFixtures.mailed(
                        "14141611", Instant.now(), ComplaintState.COUNTED, CaseFixtures.ERIKA, "ses-zip", false),
                "s3://" + bucket + "/inbound/ses-zip");
        new DynamoDbComplaints(stack.aws().dynamoDb(), stack.ref("ComplaintsTable")).add(complaint);
        var function = stack.function("AdminApiFunction");

        // WHEN the handler is run from the zip (built, checkpointed, restored) and asked for the case's CSA bundle
        var route = "GET /admin/complaints/{mailingId}/{complaintId}/csa";
        var event = new ObjectMapper()
                .writeValueAsString(Map.of(
                        "routeKey",
                        route,
                        "pathParameters",
                        Map.of(
                                "mailingId",
                                "14141611",
                                "complaintId",
                                complaint.key().complaintId().value()),
                        "requestContext",
                        Map.of(
                                "routeKey",
                                route,
                                "authorizer",
                                Map.of(
                                        "jwt",
                                        Map.of(
                                                "claims",
                                                Map.of("sub", "erika", "client_id", "cli"),
                                                "scopes",
                                                List.of("abuse-desk/read"))))));
        var run = ZIP.run(function.handlerClass(), stack.runtimeEnvironment(function), event);

        // THEN it primed, and the bundle holds the .msg file's own transport headers
        assertThat(run.hooks()).as(run.log()).isEqualTo(1);
        var response = new ObjectMapper().readTree(run.responses().get(0));
        assertThat(response.get("statusCode").asInt()).as(run.log()).isEqualTo(200);
        var bundle = new ObjectMapper().readTree(response.get("body").asText());
        assertThat(bundle.at("/reportedMessage/headersFrom").asText()).isEqualTo("MESSAGE");
        assertThat(bundle.at("/reportedMessage/headers").toString()).contains("X-Mailing", "14141611");
    }
}
