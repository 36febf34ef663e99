package org.abusedesk.console;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to the console as the HTTP API hands it over, before anything is checked: method, the API's host as API
 * Gateway names it (not the Host header), the path, the query, lower-cased headers, the cookies by name, the body.
 */
public record HttpIn(
        String method,
        String host,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        Map<String, String> cookies,
        byte[] body) {

    public HttpIn {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(path, "path == null");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        cookies = Map.copyOf(cookies);
        Objects.requireNonNull(body, "body == null");
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }
}
