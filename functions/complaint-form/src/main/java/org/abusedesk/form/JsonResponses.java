package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.complaint.ComplaintKey;

/** The JSON responses of {@code POST /complaints}. */
final class JsonResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonResponses() {}

    /** 202 with the case reference; a replay of an idempotent request gets the same body, marked in a header. */
    static APIGatewayV2HTTPResponse accepted(ComplaintKey key, boolean replayed) {
        var body = new LinkedHashMap<String, String>();
        body.put("reference", key.complaintId().value());
        body.put("mailingId", key.mailingId().value());
        body.put("status", "received");
        return response(202, body, replayed ? Map.of("idempotent-replayed", "true") : Map.of());
    }

    static APIGatewayV2HTTPResponse error(int status, List<ApiError> errors) {
        return error(status, errors, Map.of());
    }

    static APIGatewayV2HTTPResponse error(int status, List<ApiError> errors, Map<String, String> headers) {
        return response(status, Map.of("errors", errors), headers);
    }

    static APIGatewayV2HTTPResponse limited(Duration retryAfter, List<ApiError> errors) {
        return error(429, errors, Map.of("retry-after", Long.toString(RetryAfter.seconds(retryAfter))));
    }

    private static APIGatewayV2HTTPResponse response(int status, Object body, Map<String, String> extraHeaders) {
        var headers = new HashMap<String, String>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("x-content-type-options", "nosniff");
        headers.putAll(extraHeaders);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(headers)
                    .withBody(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }
}
