package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.request.FieldError;

/** The admin API's JSON responses: never cached, never sniffed. */
final class AdminResponses {

    /** The document's {@code Errors}: what the public API's errors look like too. */
    private record ErrorsView(List<ErrorView> errors) {}

    private AdminResponses() {}

    static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of(
                        "content-type", "application/json; charset=utf-8",
                        "cache-control", "no-store",
                        "x-content-type-options", "nosniff"))
                .withBody(AdminJson.write(body))
                .build();
    }

    /** A 400 naming every field that cannot be accepted. */
    static APIGatewayV2HTTPResponse invalid(List<FieldError> errors) {
        return json(
                400,
                new ErrorsView(errors.stream()
                        .map(e -> new ErrorView(e.field(), e.message()))
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
        return json(problem.status(), new ErrorsView(List.of(new ErrorView(problem.field(), problem.getMessage()))));
    }
}
