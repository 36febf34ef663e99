package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verification;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(MotoExtension.class)
class S3EvidenceLinksIT {

    @Test
    void linkTo_opensTheStoredRawMail_andIsWithheldForAQuarantinedOne(Stack stack) throws Exception {
        // GIVEN a raw mail stored where the inbound function keeps them
        var clients =
                new AwsClients(new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction"))));
        String bucket = stack.ref("InboundMailBucket");
        try (var s3 = S3Clients.client(clients)) {
            s3.putObject(
                    r -> r.bucket(bucket).key("inbound/ses-42"), RequestBody.fromString("Subject: spam\r\n\r\nbuy"));
        }
        var links = new S3EvidenceLinks(S3Clients.presigner(clients), Duration.ofHours(1));

        // WHEN a link to a complaint's evidence is made, and opened
        var link = links.linkTo(complaint("s3://" + bucket + "/inbound/ses-42", false))
                .orElseThrow();
        var response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());

        // THEN it gives the raw mail; a quarantined complaint and one without evidence get no link
        assertThat(link.getQuery()).contains("X-Amz-Signature=");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Subject: spam\r\n\r\nbuy");
        assertThat(links.linkTo(complaint("s3://" + bucket + "/inbound/ses-42", true)))
                .isEmpty();
        assertThat(links.linkTo(complaint(null, false))).isEmpty();
    }

    private static Complaint complaint(String evidence, boolean quarantined) {
        var provenance = new MailProvenance(
                "ses-42",
                0,
                ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:X-Mailing"),
                List.of(),
                false,
                false,
                Optional.ofNullable(evidence),
                List.of(),
                Optional.empty(),
                ReceiptVerdicts.UNKNOWN,
                quarantined);
        return new Complaint(
                new ComplaintKey(new MailingId("14141611"), ComplaintId.generate()),
                Channel.MAIL,
                Classification.COMPLAINT,
                ComplaintState.COUNTED,
                Instant.now(),
                new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                new Attribution(Optional.empty(), false, Verification.NOT_SIGNED, Optional.of(provenance)),
                Instant.now().plusSeconds(3600));
    }
}
