package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.people.Actor;

/**
 * What the admin API needs of API Gateway's event: the route, the path and query parameters, the body, and who
 * calls with which scopes, as the JWT authorizer verified them.
 */
record AdminRequest(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> query,
        String contentType,
        String body,
        String caller,
        String subject,
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
        // What events name them by: the pool's stable subject, a machine client's id; a name only when neither.
        String subject = Optional.ofNullable(claims.get("sub"))
                .or(() -> Optional.ofNullable(claims.get("client_id")))
                .orElse(caller);
        String body = event.getBody() == null
                ? ""
                : event.getIsBase64Encoded()
                        ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                        : event.getBody();
        // HTTP API passes header names in lower case.
        String contentType = Optional.ofNullable(event.getHeaders())
                .map(headers -> headers.get("content-type"))
                .orElse("");
        return new AdminRequest(
                event.getRouteKey() == null ? "" : event.getRouteKey(),
                event.getPathParameters() == null ? Map.of() : Map.copyOf(event.getPathParameters()),
                event.getQueryStringParameters() == null ? Map.of() : Map.copyOf(event.getQueryStringParameters()),
                contentType,
                body,
                caller,
                subject,
                PeopleScopes.of(
                        claims,
                        jwt.map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getScopes)
                                .map(List::copyOf)
                                .orElse(List.of())));
    }

    /**
     * The event a route is primed with before the snapshot: a machine client with the scope asks it for a mailing,
     * an account and a case that do not exist.
     */
    static APIGatewayV2HTTPEvent priming(String routeKey, Scope scope) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                .builder()
                .withClaims(Map.of("client_id", "snapstart-priming"))
                .withScopes(List.of(scope.claim()))
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(Map.of(
                        "mailingId", "snapstart-priming",
                        "accountId", "snapstart-priming",
                        "complaintId", "00000000000000000000000000"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(jwt)
                                .build())
                        .build())
                .build();
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

    /** The body as a JSON object; an empty body is an empty object. */
    JsonNode json() {
        try {
            JsonNode json = body.isBlank() ? AdminJson.object() : AdminJson.read(body);
            if (json == null || !json.isObject()) {
                throw new AdminProblem(400, null, "the body must be a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new AdminProblem(400, null, "the body is not valid JSON");
        }
    }

    /** A text field of the JSON body, null when absent or null; a 400 when it is not text. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new AdminProblem(400, field, "must be a string");
        }
        return value.asText();
    }

    /** Whether the body was sent as the media type, parameters such as the charset ignored. */
    boolean sentAs(String mediaType) {
        return contentType.toLowerCase(Locale.ROOT).strip().startsWith(mediaType);
    }

    /** The page asked for with {@code limit} and {@code cursor}. */
    PageRequest page() {
        int limit = Page.DEFAULT_LIMIT;
        String given = query.get("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > Page.MAX_LIMIT) {
                throw new AdminProblem(400, "limit", "must be 1 to " + Page.MAX_LIMIT);
            }
        }
        return new PageRequest(Optional.ofNullable(query.get("cursor")).filter(c -> !c.isBlank()), limit);
    }

    /** The time range asked for with {@code from} (inclusive) and {@code to} (exclusive). */
    TimeRange range() {
        var from = instant("from");
        var to = instant("to");
        try {
            return new TimeRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(400, "to", "must be after from");
        }
    }

    private Optional<Instant> instant(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank()).map(value -> {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new AdminProblem(400, name, "must be an ISO-8601 instant, e.g. 2026-11-28T09:00:00Z");
            }
        });
    }

    /** Who the request records as having acted: the subject, and the user's name where the token has one. */
    Actor actor() {
        return new Actor(subject, caller);
    }
}
