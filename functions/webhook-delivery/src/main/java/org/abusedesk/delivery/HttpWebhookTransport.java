package org.abusedesk.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The JDK's HTTP client: no redirect followed, at most the timeout to connect and as long again to answer. */
public final class HttpWebhookTransport implements WebhookTransport {

    /** How long an endpoint has to connect, and then to answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final Duration timeout;

    public HttpWebhookTransport(Duration timeout) {
        this.timeout = timeout;
        this.http = client(timeout);
    }

    /** The client of every request the desk signs: HTTP/1.1, no redirect followed, the timeout to connect. */
    static HttpClient client(Duration timeout) {
        // HTTP/1.1: what every receiver speaks, with no h2c upgrade for a proxy in front of one to trip over.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public int post(URI url, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "abuse-desk-webhooks/1");
        headers.forEach(request::header);
        // The answer's body is not read: only its status counts, and a receiver's page is not the desk's to keep.
        return http.send(
                        request.POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
