package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class ComplaintFormHandlerIT {

    @Test
    void submit_writesOneComplaintIntoTheTemplatesTable(Stack stack) throws IOException {
        // GIVEN the handler wired as in Lambda, from the environment template.yaml gives it
        var handler = handler(stack);
        var event = EventLoader.loadApiGatewayHttpEvent("apigw/submit-complaint.json");
        var before = Instant.now();

        // WHEN a complaint is submitted
        var response = handler.handleRequest(event, null);

        // THEN it is accepted, and the table holds it under its Mailing ID with the retention's expiry
        assertThat(response.getStatusCode()).isEqualTo(202);
        String reference =
                new ObjectMapper().readTree(response.getBody()).get("reference").asText();
        try (var dynamoDb = stack.aws().dynamoDb()) {
            var item = dynamoDb.getItem(r -> r.tableName(stack.ref("ComplaintsTable"))
                            .key(Map.of(
                                    "mailingId", AttributeValue.fromS("14141611"),
                                    "complaintId", AttributeValue.fromS(reference))))
                    .item();
            assertThat(item.get("state").s()).isEqualTo("RECEIVED");
            assertThat(item.get("itemType").s()).isEqualTo("complaint");
            assertThat(item.get("email").s()).isEqualTo("erika.muster@example.net");
            long expiresAt = Long.parseLong(item.get("expiresAt").n());
            assertThat(expiresAt)
                    .isBetween(
                            before.plus(Duration.ofDays(180)).getEpochSecond(),
                            Instant.now().plus(Duration.ofDays(180)).getEpochSecond());
            assertThat(dynamoDb.query(r -> r.tableName(stack.ref("ComplaintsTable"))
                                    .keyConditionExpression("mailingId = :m")
                                    .expressionAttributeValues(Map.of(":m", AttributeValue.fromS("14141611"))))
                            .count())
                    .isEqualTo(1);
        }
    }

    /** The handler wired as in Lambda, from the environment template.yaml gives the function. */
    private static ComplaintFormHandler handler(Stack stack) {
        var environment = new Environment(stack.runtimeEnvironment(stack.function("ComplaintFormFunction")));
        return new ComplaintFormHandler(FormWiring.of(environment), new RecordingCheckpoints());
    }

    @Test
    void sameIdempotencyKey_givesTheSameReference_andTheIntakeTableHoldsNoAddress(Stack stack) throws IOException {
        // GIVEN the handler wired from the template's environment, reading its secret from Secrets Manager
        var handler = handler(stack);
        var event = TestDesk.jsonPost("{\"mailingId\":\"777\",\"email\":\"user@bücher.de\",\"message\":\"spam\"}");
        event.getHeaders().put("idempotency-key", "it-key-1");

        // WHEN the same complaint is sent twice with one key
        var first = handler.handleRequest(event, null);
        var second = handler.handleRequest(event, null);

        // THEN both answers name one reference, one complaint is stored, and the intake items hold no address
        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        try (var dynamoDb = stack.aws().dynamoDb()) {
            var complaints = dynamoDb.query(r -> r.tableName(stack.ref("ComplaintsTable"))
                    .keyConditionExpression("mailingId = :m")
                    .expressionAttributeValues(Map.of(":m", AttributeValue.fromS("777"))));
            assertThat(complaints.count()).isEqualTo(1);
            var intake =
                    dynamoDb.scan(r -> r.tableName(stack.ref("IntakeTable"))).items();
            assertThat(intake)
                    .extracting(item -> item.get("pk").s().replaceAll("#.*", "#"))
                    .containsExactlyInAnyOrder("idem#", "source#");
            assertThat(intake.toString()).doesNotContain("198.51.100.23").doesNotContain("it-key-1");
        }
    }

    @Test
    void formPage_isServed_withATokenSignedByTheStacksSecret(Stack stack) {
        var handler = handler(stack);

        var response = handler.handleRequest(TestDesk.browserGet("/", Map.of(), "en"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("<html lang=\"en\">");
        assertThat(TestDesk.hidden(response.getBody(), "token"))
                .matches("\\d+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    }
}
