package org.abusedesk.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** The admin API over HTTP: each call with the token as bearer, parameters percent-encoded. */
final class HttpAdminApi implements AdminApi {

    /** The HTTP API gives up on a function after 30 s; a little more here lets its answer through. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(35);

    private final URI apiUrl;
    private final String token;
    private final HttpClient http;

    HttpAdminApi(URI apiUrl, String token) {
        this(
                apiUrl,
                token,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    HttpAdminApi(URI apiUrl, String token, HttpClient http) {
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl == null");
        this.token = Objects.requireNonNull(token, "token == null");
        this.http = Objects.requireNonNull(http, "http == null");
        if (!"http".equals(apiUrl.getScheme()) && !"https".equals(apiUrl.getScheme())) {
            throw new IllegalStateException("the admin API URL is no http(s) URL: " + apiUrl);
        }
    }

    @Override
    public Response call(
            Route route, Map<String, String> pathParameters, Map<String, String> query, String contentType, String body)
            throws IOException {
        URI uri = uri(route, pathParameters, query);
        var request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("authorization", "Bearer " + token)
                .header("accept", "application/json")
                .method(
                        route.method(),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("content-type", contentType == null ? "application/json" : contentType);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted calling " + route.key(), e);
        } catch (IOException e) {
            // The URL, never the token: messages end up in terminals and CI logs.
            throw new IOException("cannot reach the admin API at " + apiUrl + ": " + describe(e), e);
        }
    }

    /** The route's URL under the API's: path parameters and query percent-encoded, a space as {@code %20}. */
    URI uri(Route route, Map<String, String> pathParameters, Map<String, String> query) {
        String base = apiUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        var url = new StringBuilder(base)
                .append(route.expand(pathParameters == null ? Map.of() : pathParameters, HttpAdminApi::encode));
        var parameters = new StringJoiner("&");
        (query == null ? Map.<String, String>of() : query).forEach((name, value) -> {
            if (value != null) {
                parameters.add(encode(name) + "=" + encode(value));
            }
        });
        if (parameters.length() > 0) {
            url.append('?').append(parameters);
        }
        return URI.create(url.toString());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public String toString() {
        return "admin API at " + apiUrl;
    }
}
