package org.abusedesk.cli;

import java.io.IOException;
import java.util.Map;

/** The admin API as the commands call it: over HTTP with a token, or its handler run in this process. */
interface AdminApi {

    /** What a route answered: its status and its body, JSON for every route. */
    record Response(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Calls a route.
     *
     * @param pathParameters the values of the route's path template, not encoded
     * @param query query parameters, not encoded; those with a {@code null} value are left out
     * @param contentType the body's type, or {@code null} without a body
     * @param body the request body, or {@code null}
     * @throws IOException when the API cannot be reached
     */
    Response call(
            Route route, Map<String, String> pathParameters, Map<String, String> query, String contentType, String body)
            throws IOException;
}
