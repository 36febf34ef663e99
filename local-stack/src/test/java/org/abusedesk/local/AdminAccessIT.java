package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every admin route of the template, as the local gateway enforces its JWT authorizer: no token, a forged one, an
 * expired one and one without the route's scope never reach the function; the scopes the route names do.
 */
class AdminAccessIT {

    private static final String READ = "abuse-desk/read";
    private static final String WRITE = "abuse-desk/write";
    private static final FunctionDefinition ADMIN = new FunctionDefinition(
            "AdminApiFunction",
            "local-AdminApiFunction",
            "org.example.Admin",
            29,
            Map.of(),
            List.of(),
            List.of(),
            List.of());

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalTokens tokens = new LocalTokens(Clock.systemUTC());
    private final List<String> reached = new CopyOnWriteArrayList<>();
    private final List<FunctionDefinition.HttpRoute> adminRoutes = TestProject.httpRoutes().stream()
            .filter(route -> route.path().startsWith("/admin/"))
            .toList();
    private HttpGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = new HttpGateway("127.0.0.1", 0, tokens);
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> admin = (event, context) -> {
            reached.add(event.getRouteKey());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
        };
        adminRoutes.forEach(route -> gateway.route(route, ADMIN, admin));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void everyAdminRoute_needsAJwtAuthorizer_andOnlyItsScopesGetThrough() throws Exception {
        assertThat(adminRoutes).hasSizeGreaterThanOrEqualTo(16);
        String forged = new LocalTokens(Clock.systemUTC()).mint("mallory", List.of(WRITE), Duration.ofMinutes(5));
        String expired = tokens.mint("anna", List.of(WRITE), Duration.ofSeconds(-1));
        String otherScope = tokens.mint("anna", List.of("abuse-desk/admin"), Duration.ofMinutes(5));
        String reader = tokens.mint("anna", List.of(READ), Duration.ofMinutes(5));
        String writer = tokens.mint("anna", List.of(WRITE), Duration.ofMinutes(5));

        var observed = new LinkedHashMap<String, List<Integer>>();
        var expected = new LinkedHashMap<String, List<Integer>>();
        var allowed = new ArrayList<String>();
        for (var route : adminRoutes) {
            String key = route.method() + " " + route.path();
            var scopes = route.auth()
                    .orElseThrow(() -> new AssertionError(key + " has no authorizer"))
                    .scopes();
            var statuses = new ArrayList<Integer>();
            for (String token : new String[] {null, forged, expired, otherScope, reader, writer}) {
                statuses.add(call(route, token));
            }
            observed.put(key, statuses);
            boolean readable = scopes.contains(READ);
            expected.put(key, List.of(401, 401, 401, 403, readable ? 200 : 403, 200));
            if (readable) {
                allowed.add(key);
            }
            allowed.add(key);
        }

        assertThat(observed).isEqualTo(expected);
        assertThat(reached).containsExactlyInAnyOrderElementsOf(allowed);
    }

    private int call(FunctionDefinition.HttpRoute route, String token) throws Exception {
        String path = route.path()
                .replace("{mailingId}", "14141611")
                .replace("{complaintId}", "01KB3V9X4E0ZQ6K8N2M5T7R1YH")
                .replace("{accountId}", "121070");
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
