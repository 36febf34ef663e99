package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.request.FieldError;

/** The admin API's JSON responses: never cached, never sniffed. */
final class AdminResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminResponses() {}

    static APIGatewayV2HTTPResponse json(int status, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(Map.of(
                            "content-type", "application/json; charset=utf-8",
                            "cache-control", "no-store",
                            "x-content-type-options", "nosniff"))
                    .withBody(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    /** A 400 naming every field that cannot be accepted. */
    static APIGatewayV2HTTPResponse invalid(List<FieldError> errors) {
        return json(
                400,
                Map.of(
                        "errors",
                        errors.stream()
                                .map(e -> Map.of("field", e.field(), "message", e.message()))
                                .toList()));
    }

    /** A 503 for a store that refused the request as over its rate: nothing was wrong with it, and it may be sent again. */
    static APIGatewayV2HTTPResponse unavailable(int retryAfterSeconds) {
        var response = problem(new AdminProblem(503, null, "the desk is busy, please try again shortly"));
        var headers = new HashMap<>(response.getHeaders());
        headers.put("retry-after", Integer.toString(retryAfterSeconds));
        response.setHeaders(headers);
        return response;
    }

    /** {@code {"errors":[{"field":..., "message":...}]}}, the shape the public API's errors have too. */
    static APIGatewayV2HTTPResponse problem(AdminProblem problem) {
        var error = new LinkedHashMap<String, String>();
        if (problem.field() != null) {
            error.put("field", problem.field());
        }
        error.put("message", problem.getMessage());
        return json(problem.status(), Map.of("errors", List.of(error)));
    }
}
