package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.logging.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.slf4j.MDC;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class ComplaintFormHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDesk desk = new TestDesk();
    private final InMemoryComplaints complaints = desk.complaints;
    private final ComplaintFormHandler handler = desk.handler;

    @ParameterizedTest
    @Event(value = "apigw/submit-complaint.json", type = APIGatewayV2HTTPEvent.class)
    void submit_returns202WithTheReference_andStoresTheComplaint(APIGatewayV2HTTPEvent event) throws IOException {

        var response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
        var body = json(response);
        var stored = complaints.all();
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(body.get("reference").asText()).isEqualTo(c.id().value());
            assertThat(body.get("mailingId").asText()).isEqualTo("14141611");
            assertThat(c.mailingId().value()).isEqualTo("14141611");
            assertThat(c.state()).isEqualTo(ComplaintState.RECEIVED);
            assertThat(c.complainant().email()).isEqualTo("erika.muster@example.net");
            assertThat(c.complainant().name()).contains("Erika Muster");
            assertThat(c.complainant().salutation()).isEqualTo(Salutation.FRAU);
            assertThat(c.message()).isEqualTo("Ich habe diesen Newsletter nie bestellt.");
            assertThat(c.complainant().language()).isEqualTo(Language.EN);
        });
        assertThat(body.get("status").asText()).isEqualTo("received");
        assertThat(body.size()).isEqualTo(3);
    }

    @ParameterizedTest
    @Event(value = "apigw/submit-complaint.json", type = APIGatewayV2HTTPEvent.class)
    void submit_logsJsonLines_withTheRequestIdAndTheComplaintsKey_andNothingTheComplainantSent(
            APIGatewayV2HTTPEvent event) {

        try (var log = CapturedLog.start()) {
            var response = handler.handleRequest(event, new InvocationContext("0f9e8d7c-form"));

            assertThat(response.getStatusCode()).isEqualTo(202);
            var stored = complaints.all().get(0);
            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.get("log.level").asText()).isEqualTo("INFO");
                assertThat(line.get("requestId").asText()).isEqualTo("0f9e8d7c-form");
                assertThat(line.get("mailingId").asText()).isEqualTo("14141611");
                assertThat(line.get("complaintId").asText())
                        .isEqualTo(stored.id().value());
            });
            assertThat(log.text())
                    .doesNotContain(
                            "erika.muster@example.net",
                            "Erika Muster",
                            "Ich habe diesen Newsletter nie bestellt",
                            "198.51.100.23");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @ParameterizedTest
    @Event(value = "apigw/submit-complaint-base64.json", type = APIGatewayV2HTTPEvent.class)
    void submit_decodesABase64Body_andAcceptsAnInternationalisedAddress(APIGatewayV2HTTPEvent event) {

        var response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(complaints.all())
                .singleElement()
                .satisfies(c -> assertThat(c.complainant().email()).isEqualTo("user@bücher.de"));
    }

    @ParameterizedTest
    @Event(value = "apigw/submit-complaint-missing-fields.json", type = APIGatewayV2HTTPEvent.class)
    void submit_withMissingFields_returns400NamingEachField_andStoresNothing(APIGatewayV2HTTPEvent event)
            throws IOException {

        var response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).toString())
                .isEqualTo("{\"errors\":[{\"field\":\"email\",\"message\":\"is required\"},"
                        + "{\"field\":\"message\",\"message\":\"is required\"}]}");
        assertThat(complaints.all()).isEmpty();
    }

    @Test
    void submit_overThe32KiBLimit_returns413_andStoresNothing() throws IOException {
        var event =
                event("{\"mailingId\":\"1\",\"email\":\"a@example.net\",\"message\":\"" + "x".repeat(33_000) + "\"}");

        var response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(complaints.all()).isEmpty();
    }

    @Test
    void submit_ofAnotherContentType_returns415() throws IOException {
        var event = event("mailingId=1");
        event.getHeaders().put("content-type", "text/plain");

        var response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("content-type");
    }

    @Test
    void submit_withAnotherMethod_returns405() {
        var event = event("{}");
        event.getRequestContext().getHttp().setMethod("PUT");

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(405);
    }

    @Test
    void submit_ofSomethingThatIsNoJsonObject_returns400ForTheBody() throws IOException {
        for (String body : new String[] {"{not json", "[1,2]", "\"text\"", ""}) {
            var response = handler.handleRequest(event(body), null);

            assertThat(response.getStatusCode()).as(body).isEqualTo(400);
            assertThat(json(response).at("/errors/0").toString())
                    .isEqualTo("{\"field\":\"body\",\"message\":\"must be a JSON object\"}");
        }
    }

    @Test
    void submit_withAFieldThatIsNoString_returns400NamingIt() throws IOException {
        var response = handler.handleRequest(
                event("{\"mailingId\":14141611,\"email\":\"a@example.net\",\"message\":[\"spam\"]}"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).toString())
                .isEqualTo("{\"errors\":[{\"field\":\"mailingId\",\"message\":\"must be a string\"},"
                        + "{\"field\":\"message\",\"message\":\"must be a string\"}]}");
    }

    @Test
    void submit_withALineBreakInTheName_returns400NamingName() throws IOException {
        var response = handler.handleRequest(
                event(
                        "{\"mailingId\":\"1\",\"email\":\"a@example.net\",\"message\":\"spam\",\"name\":\"Eve\\r\\nBcc: x\"}"),
                null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("name");
    }

    @Test
    void submit_whenStorageFails_returns500WithoutEchoingInput() throws IOException {
        var failing = handlerWhoseStoreThrows(new IllegalStateException("table unavailable for a@example.net"));

        try (var log = CapturedLog.start()) {
            var response = failing.handleRequest(
                    event("{\"mailingId\":\"1\",\"email\":\"a@example.net\",\"message\":\"spam\"}"), null);

            assertThat(response.getStatusCode()).isEqualTo(500);
            assertThat(response.getBody()).doesNotContain("a@example.net").doesNotContain("table unavailable");
            // The log names the failure and where it happened, never its message, which quotes the input.
            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.get("log.level").asText()).isEqualTo("ERROR");
                assertThat(line.get("message").asText()).isEqualTo("request failed");
                assertThat(line.get("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
                assertThat(line.get("error.stack_trace").toString()).contains("submit_whenStorageFails");
            });
            assertThat(log.text()).doesNotContain("a@example.net").doesNotContain("table unavailable");
        }
    }

    @Test
    void submit_whenTheTableIsThrottled_returns503WithRetryAfter() throws IOException {
        var throttled = handlerWhoseStoreThrows(AwsServiceException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("rate exceeded for a@example.net")
                        .build())
                .build());

        var response = throttled.handleRequest(
                event("{\"mailingId\":\"1\",\"email\":\"a@example.net\",\"message\":\"spam\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "2");
        assertThat(json(response).at("/errors/0/message").asText()).contains("try again in 2 seconds");
        assertThat(response.getBody()).doesNotContain("a@example.net").doesNotContain("rate exceeded");
    }

    /** The handler on a complaints store whose writes fail with the given exception. */
    private static ComplaintFormHandler handlerWhoseStoreThrows(RuntimeException failure) {
        return new TestDesk(
                        new Complaints() {
                            @Override
                            public void add(Complaint complaint) {
                                throw failure;
                            }

                            @Override
                            public Optional<Complaint> find(ComplaintKey key, Instant now) {
                                return Optional.empty();
                            }

                            @Override
                            public boolean advance(ComplaintKey key, ComplaintState from, ComplaintState to) {
                                return false;
                            }

                            @Override
                            public List<Complaint> awaitingNotification(MailingId mailingId, Instant now) {
                                return List.of();
                            }

                            @Override
                            public long countSince(MailingId mailingId, Instant since) {
                                return 0;
                            }
                        },
                        MailingIdFormat.DEFAULT)
                .handler;
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        var event = EventLoader.loadApiGatewayHttpEvent("apigw/submit-complaint.json");
        event.setHeaders(new HashMap<>(event.getHeaders()));
        event.setBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        return event;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws IOException {
        return JSON.readTree(response.getBody());
    }
}
