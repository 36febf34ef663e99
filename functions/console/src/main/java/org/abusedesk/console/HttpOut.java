package org.abusedesk.console;

import java.util.List;
import java.util.Objects;

/** What the console answers: a page's response with the security headers, and the cookies it sets or clears. */
public record HttpOut(ConsoleResponse response, List<String> cookies) {

    public HttpOut {
        Objects.requireNonNull(response, "response == null");
        cookies = List.copyOf(cookies);
    }
}
