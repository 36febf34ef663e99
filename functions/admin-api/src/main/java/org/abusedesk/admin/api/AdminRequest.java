package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the admin API needs of API Gateway's event: the route, the path and query parameters, the body, and who
 * calls with which scopes, as the JWT authorizer verified them.
 */
record AdminRequest(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> query,
        String body,
        String caller,
        List<String> scopes) {

    static AdminRequest of(APIGatewayV2HTTPEvent event) {
        var jwt = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt);
        Map<String, String> claims = jwt.map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
        // A user pool's user has a name; a machine client only its client id.
        String caller = Optional.ofNullable(claims.get("username"))
                .or(() -> Optional.ofNullable(claims.get("sub")))
                .or(() -> Optional.ofNullable(claims.get("client_id")))
                .orElse("");
        String body = event.getBody() == null
                ? ""
                : event.getIsBase64Encoded()
                        ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                        : event.getBody();
        return new AdminRequest(
                event.getRouteKey() == null ? "" : event.getRouteKey(),
                event.getPathParameters() == null ? Map.of() : Map.copyOf(event.getPathParameters()),
                event.getQueryStringParameters() == null ? Map.of() : Map.copyOf(event.getQueryStringParameters()),
                body,
                caller,
                jwt.map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getScopes)
                        .map(List::copyOf)
                        .orElse(List.of()));
    }

    /** Whether the token grants the scope; writing includes reading. */
    boolean grants(Scope scope) {
        return scopes.contains(Scope.WRITE.claim()) || scopes.contains(scope.claim());
    }

    String path(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isBlank()) {
            throw new AdminProblem(400, name, "is required");
        }
        return value;
    }
}
