package org.abusedesk.delivery;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** How a signed webhook is POSTed: its answer's status, or an exception when there was none in time. */
@FunctionalInterface
public interface WebhookTransport {

    /**
     * POSTs the body with these headers and {@code content-type: application/json}, following no redirect.
     *
     * @throws IOException when the endpoint could not be reached or did not answer within the timeout
     */
    int post(URI url, Map<String, String> headers, byte[] body) throws IOException, InterruptedException;
}
