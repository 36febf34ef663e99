package org.abusedesk.console;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What a page answers, before the handler adds the security headers, the session's cookie and the caching rule
 * that every console response carries.
 *
 * @param headers the page's own headers, lower-case names (e.g. {@code content-type}, {@code location},
 *     {@code content-disposition})
 * @param body the bytes of the body: an HTML page, a download, or none
 */
public record ConsoleResponse(int status, Map<String, String> headers, byte[] body) {

    public ConsoleResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body == null");
    }

    /** An HTML page. */
    public static ConsoleResponse html(int status, String page) {
        return new ConsoleResponse(
                status, Map.of("content-type", "text/html; charset=utf-8"), page.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 to {@code location}, a path on this site: after a POST, the page that shows its result. */
    public static ConsoleResponse seeOther(String location) {
        return new ConsoleResponse(303, Map.of("location", location), new byte[0]);
    }

    /** A file to save, never shown inline. */
    public static ConsoleResponse download(String contentType, String fileName, byte[] content) {
        return new ConsoleResponse(
                200,
                Map.of(
                        "content-type",
                        contentType,
                        "content-disposition",
                        "attachment; filename=\"" + fileName + "\"",
                        "x-content-type-options",
                        "nosniff"),
                content);
    }
}
