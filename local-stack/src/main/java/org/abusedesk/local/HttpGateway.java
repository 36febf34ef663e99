package org.abusedesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.abusedesk.local.FunctionDefinition.RouteAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the HTTP API: turns each request into the {@link APIGatewayV2HTTPEvent} (payload 2.0) API Gateway
 * would send, invokes the function of its route, and writes the function's response back.
 */
public final class HttpGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    /** API Gateway refuses larger request bodies before any function sees them. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** A route served by the local stack itself rather than by a function. */
    public record LocalResponse(int status, String contentType, String body) {}

    private final HttpServer server;
    private final LocalTokens tokens;
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    private record Route(
            String method,
            PathTemplate path,
            Optional<RouteAuth> auth,
            String functionName,
            int timeoutSeconds,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {}

    /** A route's path, literal or with {@code {name}} segments, which become the event's path parameters. */
    private record PathTemplate(String text, Pattern pattern, List<String> names) {

        static PathTemplate of(String text) {
            var names = new ArrayList<String>();
            var regex = new StringBuilder();
            for (String segment : text.split("/", -1)) {
                if (!regex.isEmpty() || !segment.isEmpty()) {
                    regex.append('/');
                }
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    String name = segment.substring(1, segment.length() - 1);
                    boolean greedy = name.endsWith("+");
                    names.add(greedy ? name.substring(0, name.length() - 1) : name);
                    regex.append(greedy ? "(.+)" : "([^/]+)");
                } else {
                    regex.append(Pattern.quote(segment));
                }
            }
            return new PathTemplate(
                    text, Pattern.compile(regex.isEmpty() ? "/" : regex.toString()), List.copyOf(names));
        }

        /** The path parameters, decoded, when the path matches; none when it does not. */
        Optional<Map<String, String>> match(String rawPath) {
            var matcher = pattern.matcher(rawPath);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            var parameters = new LinkedHashMap<String, String>();
            for (int i = 0; i < names.size(); i++) {
                parameters.put(names.get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
            }
            return Optional.of(parameters);
        }
    }

    public HttpGateway(String host, int port) throws IOException {
        this(host, port, new LocalTokens(java.time.Clock.systemUTC()));
    }

    /** With the issuer whose tokens the routes' JWT authorizers accept. */
    public HttpGateway(String host, int port, LocalTokens tokens) throws IOException {
        this.tokens = tokens;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
    }

    public void route(
            String method,
            String path,
            FunctionDefinition function,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        route(new FunctionDefinition.HttpRoute(method, path), function, handler);
    }

    /** Serves the route with the function; a route with an authorizer lets only valid tokens with its scopes in. */
    public void route(
            FunctionDefinition.HttpRoute route,
            FunctionDefinition function,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        routes.add(new Route(
                route.method(),
                PathTemplate.of(route.path()),
                route.auth(),
                function.functionName(),
                function.timeoutSeconds(),
                handler));
    }

    /** Serves {@code GET path} from the local stack itself. */
    public void local(String path, Function<String, LocalResponse> responder) {
        server.createContext(path, exchange -> {
            try (exchange) {
                var response = responder.apply(exchange.getRequestURI().getRawQuery());
                write(
                        exchange,
                        response.status(),
                        Map.of("content-type", response.contentType()),
                        response.body().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Serves every request below {@code prefix} from the local stack itself, as the handler answers it. */
    public void localHandler(String prefix, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(prefix, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            Route route = find(method, path).or(() -> find("ANY", path)).orElse(null);
            if (route == null) {
                boolean pathKnown =
                        routes.stream().anyMatch(r -> r.path().match(path).isPresent());
                write(
                        exchange,
                        pathKnown ? 405 : 404,
                        Map.of("content-type", "application/json"),
                        (pathKnown ? "{\"message\":\"Method Not Allowed\"}" : "{\"message\":\"Not Found\"}")
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                write(
                        exchange,
                        413,
                        Map.of("content-type", "application/json"),
                        "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<LocalTokens.Verdict.Allowed> allowed = Optional.empty();
            if (route.auth().isPresent()) {
                var verdict = tokens.verify(
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        route.auth().get().scopes());
                if (!(verdict instanceof LocalTokens.Verdict.Allowed granted)) {
                    // As API Gateway answers for its JWT authorizer, before any function sees the request.
                    boolean forbidden = verdict instanceof LocalTokens.Verdict.Forbidden;
                    write(
                            exchange,
                            forbidden ? 403 : 401,
                            Map.of("content-type", "application/json"),
                            (forbidden ? "{\"message\":\"Forbidden\"}" : "{\"message\":\"Unauthorized\"}")
                                    .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                allowed = Optional.of(granted);
            }
            var event = event(exchange, method, route, path, body, allowed);
            APIGatewayV2HTTPResponse response;
            try {
                response = route.handler()
                        .handleRequest(
                                event, InvocationContext.startingNow(route.functionName(), route.timeoutSeconds()));
            } catch (RuntimeException e) {
                LOG.error("{} failed", route.functionName(), e);
                write(
                        exchange,
                        500,
                        Map.of("content-type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] responseBody = response.getBody() == null
                    ? new byte[0]
                    : response.getIsBase64Encoded()
                            ? Base64.getDecoder().decode(response.getBody())
                            : response.getBody().getBytes(StandardCharsets.UTF_8);
            var headers = new LinkedHashMap<String, String>();
            if (response.getHeaders() != null) {
                headers.putAll(response.getHeaders());
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            }
            if (response.getCookies() != null) {
                response.getCookies().forEach(c -> exchange.getResponseHeaders().add("set-cookie", c));
            }
            write(exchange, response.getStatusCode(), headers, responseBody);
        }
    }

    /** The route of this method whose path matches: a literal path before a template, as API Gateway prefers. */
    private Optional<Route> find(String method, String path) {
        return routes.stream()
                .filter(r -> r.method().equals(method) && r.path().match(path).isPresent())
                .min(java.util.Comparator.comparingInt(r -> r.path().names().size()));
    }

    private static APIGatewayV2HTTPEvent event(
            HttpExchange exchange,
            String method,
            Route route,
            String path,
            byte[] body,
            Optional<LocalTokens.Verdict.Allowed> allowed) {
        var headers = new LinkedHashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
                .flatMap(c -> java.util.Arrays.stream(c.split(";\\s*")))
                .toList();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String text = utf8(body);
        // The form handler reads the method from the route key of its ANY routes.
        String routeKey = (route.method().equals("ANY") ? method : route.method()) + " "
                + route.path().text();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(path)
                .withProtocol(exchange.getProtocol())
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        var now = Instant.now();
        var contextBuilder = APIGatewayV2HTTPEvent.RequestContext.builder();
        allowed.ifPresent(
                granted -> contextBuilder.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                .builder()
                                .withClaims(granted.claims())
                                .withScopes(granted.scopes())
                                .build())
                        .build()));
        var context = contextBuilder
                .withRouteKey(routeKey)
                .withStage("$default")
                .withRequestId(UUID.randomUUID().toString())
                .withDomainName(headers.getOrDefault("host", "localhost"))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withQueryStringParameters(query(rawQuery))
                .withPathParameters(
                        route.path().names().isEmpty()
                                ? null
                                : route.path().match(path).orElseThrow())
                .withBody(
                        body.length == 0
                                ? null
                                : text != null ? text : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && text == null)
                .withRequestContext(context)
                .build();
    }

    private static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            // API Gateway joins repeated parameters with commas.
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** The body as text when it is valid UTF-8; null when it must travel base64-encoded. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
