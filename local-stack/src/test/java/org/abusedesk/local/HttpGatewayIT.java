package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpGatewayIT {

    private static final FunctionDefinition THINGS = new FunctionDefinition(
            "ThingsFunction",
            "local-ThingsFunction",
            "org.example.ThingsHandler",
            7,
            Map.of(),
            List.of(),
            List.of(),
            List.of());

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpGateway gateway;
    private FakeHandler handler;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = new HttpGateway("127.0.0.1", 0);
        handler = new FakeHandler(event -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/json", "x-thing-id", "42"))
                .withBody("{\"id\":42}")
                .build());
        gateway.route("POST", "/things", THINGS, handler);
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void post_reachesTheHandlerAsAnApiGatewayV2Event() throws Exception {
        // GIVEN a POST with headers, a query and a body
        var request = HttpRequest.newBuilder(uri("/things?color=red&size=L&color=blue&q=a%20b"))
                .header("Content-Type", "application/json")
                .header("X-Request-Tag", "Abc")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Grüße\"}"))
                .build();

        // WHEN it is sent
        http.send(request, HttpResponse.BodyHandlers.ofString());

        // THEN the handler got the event API Gateway would send, payload version 2.0
        assertThat(handler.events()).hasSize(1);
        var event = handler.events().get(0);
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /things");
        assertThat(event.getRawPath()).isEqualTo("/things");
        assertThat(event.getRawQueryString()).isEqualTo("color=red&size=L&color=blue&q=a%20b");
        assertThat(event.getQueryStringParameters())
                .containsOnly(entry("color", "red,blue"), entry("size", "L"), entry("q", "a b"));
        assertThat(event.getHeaders())
                .containsEntry("content-type", "application/json")
                .containsEntry("x-request-tag", "Abc");
        assertThat(event.getHeaders().keySet())
                .allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(event.getBody()).isEqualTo("{\"name\":\"Grüße\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getCookies()).isNull();
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("POST /things");
        assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo("/things");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(handler.functionNames()).containsExactly("local-ThingsFunction");
        assertThat(handler.remainingMillis().get(0)).isBetween(1, 7_000);
    }

    @Test
    void post_givesBackTheHandlersStatusHeadersAndBody() throws Exception {
        // GIVEN the route's handler answers 201 with headers and a body

        // WHEN a POST is sent
        var response = http.send(
                HttpRequest.newBuilder(uri("/things"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN the client gets the handler's answer
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("x-thing-id")).contains("42");
        assertThat(response.body()).isEqualTo("{\"id\":42}");
    }

    @Test
    void post_ofManyHeaderValuesAndCookies_joinsValuesAndListsCookiesApart() throws Exception {
        // GIVEN a POST with a repeated header and two cookies
        var request = HttpRequest.newBuilder(uri("/things"))
                .header("X-Multi", "a")
                .header("X-Multi", "b")
                .header("Cookie", "session=s1; theme=dark")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        // WHEN it is sent
        http.send(request, HttpResponse.BodyHandlers.ofString());

        // THEN header values are joined by commas, cookies are a list of their own, and an empty body is null
        var event = handler.events().get(0);
        assertThat(event.getHeaders()).containsEntry("x-multi", "a,b").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("session=s1", "theme=dark");
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getRawQueryString()).isEmpty();
    }

    @Test
    void post_ofBytesThatAreNoUtf8_arrivesBase64Encoded() throws Exception {
        // GIVEN a body that is not valid UTF-8
        byte[] bytes = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};

        // WHEN it is sent
        http.send(
                HttpRequest.newBuilder(uri("/things"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        // THEN the handler gets it base64-encoded, flagged as such
        var event = handler.events().get(0);
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(bytes);
    }

    @Test
    void response_base64EncodedByTheHandler_isDecodedForTheClient() throws Exception {
        // GIVEN a route whose handler answers with a base64-encoded body and cookies
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        var images = new FakeHandler(event -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "image/png"))
                .withCookies(List.of("a=1", "b=2"))
                .withBody(Base64.getEncoder().encodeToString(png))
                .withIsBase64Encoded(true)
                .build());
        gateway.route("GET", "/image", THINGS, images);

        // WHEN it is asked for
        var response =
                http.send(HttpRequest.newBuilder(uri("/image")).build(), HttpResponse.BodyHandlers.ofByteArray());

        // THEN the client gets the bytes and a set-cookie header per cookie
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.headers().allValues("set-cookie")).containsExactlyInAnyOrder("a=1", "b=2");
    }

    @Test
    void get_ofAPostRoute_isMethodNotAllowed() throws Exception {
        // GIVEN the route POST /things

        // WHEN GET /things is sent
        var response = http.send(HttpRequest.newBuilder(uri("/things")).build(), HttpResponse.BodyHandlers.ofString());

        // THEN the answer is 405 and the handler is not invoked
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEqualTo("{\"message\":\"Method Not Allowed\"}");
        assertThat(handler.events()).isEmpty();
    }

    @Test
    void unknownPath_isNotFound() throws Exception {
        // GIVEN the route POST /things

        // WHEN paths without a route are asked for
        var unknown = http.send(
                HttpRequest.newBuilder(uri("/nothing"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var below = http.send(
                HttpRequest.newBuilder(uri("/things/1"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN the answer is 404 and the handler is not invoked
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(below.statusCode()).isEqualTo(404);
        assertThat(handler.events()).isEmpty();
    }

    @Test
    void anyRoute_takesEveryMethod() throws Exception {
        // GIVEN a route for ANY method
        var any = new FakeHandler(
                event -> APIGatewayV2HTTPResponse.builder().withStatusCode(204).build());
        gateway.route("ANY", "/anything", THINGS, any);

        // WHEN a GET and a DELETE are sent
        var get = http.send(HttpRequest.newBuilder(uri("/anything")).build(), HttpResponse.BodyHandlers.ofString());
        var delete = http.send(
                HttpRequest.newBuilder(uri("/anything")).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        // THEN both reach the handler, with the real method in the route key
        assertThat(get.statusCode()).isEqualTo(204);
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(any.events())
                .extracting(APIGatewayV2HTTPEvent::getRouteKey)
                .containsExactly("GET /anything", "DELETE /anything");
    }

    @Test
    void handlerThatThrows_isAnInternalServerError() throws Exception {
        // GIVEN a route whose handler fails
        var failing = new FakeHandler(event -> {
            throw new IllegalStateException("boom");
        });
        gateway.route("POST", "/broken", THINGS, failing);

        // WHEN it is invoked
        var response = http.send(
                HttpRequest.newBuilder(uri("/broken"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN the client gets API Gateway's 500, without the exception's text
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(failing.events()).hasSize(1);
    }

    @Test
    void localRoute_isServedWithoutAFunction() throws Exception {
        // GIVEN a route served by the local stack itself
        var queries = new CopyOnWriteArrayList<String>();
        gateway.local("/_local/ping", query -> {
            queries.add(String.valueOf(query));
            return new HttpGateway.LocalResponse(200, "text/plain", "pong");
        });

        // WHEN it is asked for
        var response = http.send(
                HttpRequest.newBuilder(uri("/_local/ping?x=1")).build(), HttpResponse.BodyHandlers.ofString());

        // THEN its responder answers
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/plain");
        assertThat(response.body()).isEqualTo("pong");
        assertThat(queries).containsExactly("x=1");
    }

    @Test
    void aRouteWithPathParameters_givesThemDecoded_andItsTemplateAsTheRouteKey() throws Exception {
        // GIVEN a route with a parameter, beside a literal route under the same prefix
        var things = new FakeHandler(
                event -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).build());
        gateway.route("GET", "/things/{thingId}", THINGS, things);
        gateway.route("GET", "/things/special", THINGS, handler);

        // WHEN both are asked for
        int parameterised = http.send(
                        HttpRequest.newBuilder(uri("/things/a%20b")).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        http.send(HttpRequest.newBuilder(uri("/things/special")).GET().build(), HttpResponse.BodyHandlers.discarding());

        // THEN the template's route got its parameter, and the literal path went to its own route
        assertThat(parameterised).isEqualTo(200);
        assertThat(things.events()).singleElement().satisfies(event -> {
            assertThat(event.getRouteKey()).isEqualTo("GET /things/{thingId}");
            assertThat(event.getPathParameters()).containsExactly(entry("thingId", "a b"));
        });
        assertThat(handler.events())
                .singleElement()
                .satisfies(event -> assertThat(event.getRouteKey()).isEqualTo("GET /things/special"));
    }

    @Test
    void aRouteWithAJwtAuthorizer_answers401Or403BeforeTheFunction_andPassesTheTokensClaimsOn() throws Exception {
        // GIVEN a gateway whose issuer signs the tokens, and a route that needs the write scope
        var tokens = new LocalTokens(java.time.Clock.systemUTC());
        try (var guarded = new HttpGateway("127.0.0.1", 0, tokens)) {
            var admin = new FakeHandler(event ->
                    APIGatewayV2HTTPResponse.builder().withStatusCode(204).build());
            guarded.route(
                    new FunctionDefinition.HttpRoute(
                            "PUT",
                            "/admin/things/{thingId}",
                            java.util.Optional.of(
                                    new FunctionDefinition.RouteAuth("AdminJwt", List.of("abuse-desk/write")))),
                    THINGS,
                    admin);
            guarded.start();
            var uri = URI.create("http://127.0.0.1:" + guarded.port() + "/admin/things/7");
            String reader = tokens.mint("reader", List.of("abuse-desk/read"), java.time.Duration.ofMinutes(5));
            String writer = tokens.mint("writer", List.of("abuse-desk/write"), java.time.Duration.ofMinutes(5));

            // WHEN it is called without a token, with a forged one, an expired one, a read token, and a write token
            int none = put(uri, null);
            int forged = put(
                    uri,
                    new LocalTokens(java.time.Clock.systemUTC())
                            .mint("writer", List.of("abuse-desk/write"), java.time.Duration.ofMinutes(5)));
            int expired =
                    put(uri, tokens.mint("writer", List.of("abuse-desk/write"), java.time.Duration.ofSeconds(-1)));
            int readOnly = put(uri, reader);
            int written = put(uri, writer);

            // THEN only the write token reached the function, with the claims and scopes the authorizer read
            assertThat(List.of(none, forged, expired, readOnly, written)).containsExactly(401, 401, 401, 403, 204);
            assertThat(admin.events()).singleElement().satisfies(event -> {
                var jwt = event.getRequestContext().getAuthorizer().getJwt();
                assertThat(jwt.getClaims()).containsEntry("sub", "writer");
                assertThat(jwt.getScopes()).containsExactly("abuse-desk/write");
            });
        }
    }

    private int put(URI uri, String token) throws Exception {
        var request = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    /** A fake function: remembers each event and answers as its behaviour says. */
    private static final class FakeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

        private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> behaviour;
        private final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
        private final List<String> functionNames = new CopyOnWriteArrayList<>();
        private final List<Integer> remainingMillis = new CopyOnWriteArrayList<>();

        FakeHandler(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            events.add(event);
            functionNames.add(context.getFunctionName());
            remainingMillis.add(context.getRemainingTimeInMillis());
            return behaviour.apply(event);
        }

        List<APIGatewayV2HTTPEvent> events() {
            return events;
        }

        List<String> functionNames() {
            return functionNames;
        }

        List<Integer> remainingMillis() {
            return remainingMillis;
        }
    }
}
