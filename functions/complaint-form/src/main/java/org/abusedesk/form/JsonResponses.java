package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.intake.Violation;

/** The JSON responses of {@code POST /complaints}. */
final class JsonResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HEADERS =
            Map.of("content-type", "application/json; charset=utf-8", "cache-control", "no-store");

    private JsonResponses() {}

    static APIGatewayV2HTTPResponse accepted(ComplaintKey key) {
        return response(
                202,
                Map.of(
                        "reference", key.complaintId().value(),
                        "mailingId", key.mailingId().value()));
    }

    static APIGatewayV2HTTPResponse error(int status, List<Violation> violations) {
        return response(status, Map.of("errors", violations));
    }

    private static APIGatewayV2HTTPResponse response(int status, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(HEADERS)
                    .withBody(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }
}
