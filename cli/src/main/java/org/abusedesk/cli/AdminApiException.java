package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A call the admin API refused or that did not reach it, told as the lines a person reads on stderr: each of the
 * API's errors as {@code field: message}, and for 401 and 403 what to do about the token. Never the token itself.
 */
final class AdminApiException extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final List<String> lines;

    private AdminApiException(int status, List<String> lines) {
        super(String.join("; ", lines));
        this.status = status;
        this.lines = List.copyOf(lines);
    }

    /** The API's answer with a status other than 2xx. */
    static AdminApiException refused(Route route, AdminApi.Response response) {
        var lines = new ArrayList<>(errors(response));
        switch (response.status()) {
            case 401 ->
                lines.add("the token is missing or has expired: pass a valid one with --token-stdin, --token-file or "
                        + AdminConnection.TOKEN_VARIABLE + " (a local stack's is in its stack file)");
            case 403 -> lines.add("the token lacks the scope " + route.scope() + " that " + route.key() + " needs");
            default -> {
                // the API's own words say it
            }
        }
        return new AdminApiException(response.status(), lines);
    }

    /** A success whose body is no JSON: something other than the admin API answered, e.g. at a wrong URL. */
    static AdminApiException notJson(Route route, AdminApi.Response response) {
        String text = Text.line(response.body() == null ? "" : response.body());
        return new AdminApiException(
                response.status(),
                List.of(route.key() + " answered HTTP " + response.status() + " with no JSON"
                        + (text.isBlank() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text))
                        + " (is the API URL the stack's ApiUrl?)"));
    }

    /** An answer that cannot be right, e.g. a listing naming the page it came from as the next one. */
    static AdminApiException inconsistent(Route route, String what) {
        return new AdminApiException(0, List.of(route.key() + ": " + what));
    }

    /** The API could not be called at all. */
    static AdminApiException unreachable(Route route, IOException e) {
        return new AdminApiException(0, List.of(route.key() + ": " + e.getMessage()));
    }

    /** The HTTP status, or 0 when there was no answer. */
    int status() {
        return status;
    }

    List<String> lines() {
        return lines;
    }

    /**
     * {@code {"errors":[{"field":…,"message":…}]}} as {@code field: message} lines; API Gateway's own {@code
     * {"message":…}}; or, from anything else in the way, the status and the start of what it said.
     */
    private static List<String> errors(AdminApi.Response response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            var lines = new ArrayList<String>();
            if (body != null && body.path("errors").isArray()) {
                for (JsonNode error : body.get("errors")) {
                    String message = Text.line(error.path("message").asText(""));
                    lines.add(
                            error.hasNonNull("field")
                                    ? Text.line(error.get("field").asText()) + ": " + message
                                    : message);
                }
            } else if (body != null && body.hasNonNull("message")) {
                lines.add(Text.line(body.get("message").asText()) + " (HTTP " + response.status() + ")");
            }
            if (!lines.isEmpty()) {
                return lines;
            }
        } catch (IOException e) {
            // not JSON: told below
        }
        String text = Text.line(response.body() == null ? "" : response.body());
        return List.of("HTTP " + response.status()
                + (text.isBlank() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)));
    }
}
