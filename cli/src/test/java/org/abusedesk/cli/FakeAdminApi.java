package org.abusedesk.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The admin API as a test answers it: each route by a function of the request, every call kept. */
final class FakeAdminApi implements AdminApi {

    /** A call as the command made it. */
    record Call(
            Route route,
            Map<String, String> pathParameters,
            Map<String, String> query,
            String contentType,
            String body) {}

    /** An answer that is no answer: the API cannot be reached. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private final Map<Route, Function<Call, Response>> routes = new EnumMap<>(Route.class);
    final List<Call> calls = new ArrayList<>();

    FakeAdminApi on(Route route, Function<Call, Response> answer) {
        routes.put(route, answer);
        return this;
    }

    FakeAdminApi on(Route route, int status, String body) {
        return on(route, call -> new Response(status, body));
    }

    @Override
    public Response call(
            Route route, Map<String, String> pathParameters, Map<String, String> query, String contentType, String body)
            throws IOException {
        var call = new Call(route, Map.copyOf(pathParameters), copy(query), contentType, body);
        calls.add(call);
        var answer = routes.get(route);
        if (answer == null) {
            return new Response(404, "{\"errors\":[{\"message\":\"no such route\"}]}");
        }
        try {
            return answer.apply(call);
        } catch (Unreachable e) {
            throw new IOException(e.getMessage());
        }
    }

    List<Call> callsOf(Route route) {
        return calls.stream().filter(c -> c.route() == route).toList();
    }

    private static Map<String, String> copy(Map<String, String> query) {
        var copy = new java.util.LinkedHashMap<String, String>();
        query.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
