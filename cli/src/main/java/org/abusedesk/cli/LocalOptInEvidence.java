package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.abusedesk.evidence.MalformedAnswerException;
import org.abusedesk.evidence.OptInRecord;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.webhooks.WebhookHeaders;
import org.abusedesk.webhooks.WebhookSecret;
import org.abusedesk.webhooks.WebhookSignature;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * The sending platform's evidence endpoint as {@code ./abuse-desk local --opt-in-evidence FILE} stands it in: on this
 * machine, it checks each request's signature and answers with the record the file holds for the recipient, or 404.
 * The file maps addresses to records as the endpoint answers them ({@code docs/events.md#opt-in-evidence}).
 */
final class LocalOptInEvidence implements AutoCloseable {

    static final String PATH = "/opt-in-evidence";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A request is a few hundred bytes. */
    private static final int MAX_REQUEST = 16 * 1024;

    private final HttpServer server;
    private final WebhookSecret secret;
    private final Map<String, String> parameters;

    private LocalOptInEvidence(HttpServer server, WebhookSecret secret, Map<String, String> parameters) {
        this.server = server;
        this.secret = secret;
        this.parameters = parameters;
    }

    /**
     * Reads the file, stores a new secret under {@code <stack>/opt-in-evidence} and starts answering on a free port.
     *
     * @throws IllegalArgumentException naming the address's position and the field, when a record does not follow the
     *     schema
     */
    static LocalOptInEvidence start(AwsEndpoint aws, String stackName, Path file) throws IOException {
        var records = records(file);
        var secret = WebhookSecret.generate();
        String arn = store(aws, stackName + "/opt-in-evidence", secret);
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var signature = WebhookSignature.of(secret);
        server.createContext(PATH, exchange -> answer(exchange, signature, records));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        var url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
        return new LocalOptInEvidence(
                server,
                secret,
                Map.of("OptInEvidenceUrl", url.toString(), "OptInEvidenceSecretArn", arn, "WebhookAllowHttp", "true"));
    }

    URI url() {
        return URI.create(parameters.get("OptInEvidenceUrl"));
    }

    WebhookSecret secret() {
        return secret;
    }

    /** The template parameters that point the stack's evidence function here. */
    Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The file's records by the hash of their address, each checked as the desk would check the answer. */
    static Map<String, byte[]> records(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(file));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": not a JSON object of addresses and their opt-in records");
        }
        var records = new LinkedHashMap<String, byte[]>();
        int position = 0;
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            position++;
            if (!entry.getValue().isObject()) {
                throw new IllegalArgumentException(file + ": the record of address " + position + " is no object");
            }
            ObjectNode record = ((ObjectNode) entry.getValue()).deepCopy();
            if (!record.has("version")) {
                record.put("version", 1);
            }
            byte[] answer = JSON.writeValueAsBytes(record);
            try {
                OptInRecord.parse(answer);
            } catch (MalformedAnswerException e) {
                throw new IllegalArgumentException(
                        file + ": the record of address " + position + ": " + e.getMessage());
            }
            records.put(AddressHash.of(entry.getKey()).value(), answer);
        }
        return records;
    }

    private static void answer(HttpExchange exchange, WebhookSignature signature, Map<String, byte[]> records)
            throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST + 1);
            }
            if (body.length > MAX_REQUEST) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            var headers =
                    WebhookHeaders.from(name -> exchange.getRequestHeaders().getFirst(name));
            if (signature.verify(headers, body) != WebhookSignature.Verdict.VALID) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode request;
            try {
                request = JSON.readTree(body);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String hash = request == null
                    ? ""
                    : request.path("recipient").path("addressHash").asText("");
            byte[] record = records.get(hash);
            if (record == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, record.length);
            exchange.getResponseBody().write(record);
        }
    }

    private static String store(AwsEndpoint aws, String name, WebhookSecret secret) {
        String value = "{\"current\": \"" + secret.written() + "\"}";
        try (var secrets = aws.secretsManager()) {
            try {
                return secrets.createSecret(r -> r.name(name).secretString(value))
                        .arn();
            } catch (ResourceExistsException e) {
                // Kept from an earlier run (--endpoint): the new secret replaces the old.
                return secrets.putSecretValue(r -> r.secretId(name).secretString(value))
                        .arn();
            }
        }
    }

    @Override
    public String toString() {
        return "LocalOptInEvidence[" + url() + "]";
    }
}
