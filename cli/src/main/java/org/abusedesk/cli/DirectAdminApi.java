package org.abusedesk.cli;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.admin.api.AdminApiHandler;
import org.abusedesk.admin.api.AdminApiWiring;
import org.abusedesk.config.Environment;
import org.crac.Core;

/**
 * The admin API's handler run in this process, with the function's environment and the caller's AWS credentials:
 * each call is the event API Gateway would pass after its JWT authorizer let a token with every scope through,
 * naming the person at the terminal as the caller. For operators with AWS access where no token is at hand.
 */
final class DirectAdminApi implements AdminApi {

    static final List<String> SCOPES = List.of("abuse-desk/read", "abuse-desk/write");

    private final AdminApiHandler handler;
    private final String caller;

    DirectAdminApi(Map<String, String> environment, String caller) {
        // No snapshot is ever taken of this process: the runtime's context takes the hook and never calls it.
        this(new AdminApiHandler(AdminApiWiring.of(new Environment(environment)), Core.getGlobalContext()), caller);
    }

    DirectAdminApi(AdminApiHandler handler, String caller) {
        this.handler = Objects.requireNonNull(handler, "handler == null");
        this.caller = Objects.requireNonNull(caller, "caller == null");
    }

    @Override
    public Response call(
            Route route,
            Map<String, String> pathParameters,
            Map<String, String> query,
            String contentType,
            String body) {
        var response = handler.handleRequest(event(route, pathParameters, query, contentType, body), null);
        String text = response.getBody() == null ? "" : response.getBody();
        if (response.getIsBase64Encoded()) {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        return new Response(response.getStatusCode(), text);
    }

    APIGatewayV2HTTPEvent event(
            Route route,
            Map<String, String> pathParameters,
            Map<String, String> query,
            String contentType,
            String body) {
        Map<String, String> path = pathParameters == null ? Map.of() : pathParameters;
        var queryParameters = new LinkedHashMap<String, String>();
        if (query != null) {
            query.forEach((name, value) -> {
                if (value != null) {
                    queryParameters.put(name, value);
                }
            });
        }
        String rawPath = route.expand(path, HttpAdminApi::encode);
        var headers = new HashMap<String, String>();
        if (body != null) {
            headers.put("content-type", contentType == null ? "application/json" : contentType);
        }
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                .builder()
                // The person's own AWS credentials already reach every table: no pool group narrows what they may do,
                // so they are named as a subject, not as a pool's user.
                .withClaims(Map.of("sub", caller))
                .withScopes(SCOPES)
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(route.key())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(route.method())
                        .withPath(rawPath)
                        .build())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(jwt)
                        .build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.key())
                .withRawPath(rawPath)
                .withPathParameters(path.isEmpty() ? null : Map.copyOf(path))
                .withQueryStringParameters(queryParameters.isEmpty() ? null : queryParameters)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context)
                .build();
    }
}
