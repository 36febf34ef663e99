package org.abusedesk.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;
import org.abusedesk.webhooks.WebhookHeaders;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;

/**
 * Receivers on 127.0.0.1, one per path, each checking every request's signature with its secret as a receiver
 * would, and answering as its behaviour says for the how-manieth request of a webhook ID it is.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: when, its webhook ID, its body, the verdict on its signature, and the answer. */
    record Request(
            String path,
            Instant at,
            String webhookId,
            String signatureHeader,
            String body,
            WebhookSignature.Verdict verdict,
            int status) {}

    /** How a path answers: a status for the n-th request (1 for the first) of a webhook ID, after a pause. */
    record Behaviour(WebhookSecret secret, IntUnaryOperator status, long pauseMillisOnFirst) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();

    WebhookReceiver(Map<String, Behaviour> paths) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // One thread per request: a receiver that sleeps holds up none of the others.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        paths.forEach((path, behaviour) -> server.createContext(path, exchange -> handle(path, behaviour, exchange)));
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(String path, Behaviour behaviour, HttpExchange exchange) throws IOException {
        var at = Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes();
        var headers = WebhookHeaders.from(name -> exchange.getRequestHeaders().getFirst(name));
        var verdict = WebhookSignature.of(behaviour.secret()).verify(headers, body);
        int nth = seen.merge(path + " " + headers.id(), 1, Integer::sum);
        int status = behaviour.status().applyAsInt(nth);
        requests.add(new Request(
                path,
                at,
                headers.id(),
                headers.signature(),
                new String(body, StandardCharsets.UTF_8),
                verdict,
                status));
        if (nth == 1 && behaviour.pauseMillisOnFirst() > 0) {
            try {
                Thread.sleep(behaviour.pauseMillisOnFirst());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // The sender gave up waiting and closed the connection.
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
