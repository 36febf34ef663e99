package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.webhooks.WebhookHeaders;
import org.abusedesk.webhooks.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./abuse-desk local --webhook-url}: the local stack's one endpoint gets the events its relays put on the bus,
 * through the template's rule (routed by the moto server) and the delivery functions, signed with the secret the
 * command generated.
 */
@ExtendWith(MotoExtension.class)
class LocalWebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private LocalStack local;
    private HttpServer receiver;

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aCountedFormComplaint_isPostedToTheLocalWebhook_signedWithItsGeneratedSecret(AwsEndpoint aws, ProjectRoot root)
            throws Exception {
        // GIVEN a receiver on this machine, and the local stack started with it as its webhook URL
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String stackName = "wh" + UUID.randomUUID().toString().substring(0, 8);
        var webhook = LocalWebhook.configure(
                aws,
                stackName,
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"));
        var verify = WebhookSignature.of(webhook.secret());
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers =
                    WebhookHeaders.from(name -> exchange.getRequestHeaders().getFirst(name));
            if (verify.verify(headers, body) == WebhookSignature.Verdict.VALID) {
                received.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(
                    verify.verify(headers, body) == WebhookSignature.Verdict.VALID ? 204 : 401, -1);
            exchange.close();
        });
        receiver.start();
        var parameters = new HashMap<>(MotoExtension.TEST_PARAMETERS);
        parameters.putAll(webhook.parameters());
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options("127.0.0.1", 0, stackName, parameters));
        String writer = local.tokens()
                .mint("anna.team", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(10));
        String account = "acc" + UUID.randomUUID().toString().substring(0, 8);
        String mailing = "w" + UUID.randomUUID().toString().substring(0, 7);
        assertThat(send(
                                "PUT",
                                "/admin/mailings/" + mailing,
                                writer,
                                "{\"accountId\":\"" + account
                                        + "\",\"recipients\":1000,\"sentAt\":\"2026-11-27T09:00:00Z\"}")
                        .statusCode())
                .isEqualTo(200);
        String address = "Erika.Quellberg@Example.NET";

        // WHEN a person complains about it through the form
        assertThat(send(
                                "POST",
                                "/complaints",
                                null,
                                "{\"mailingId\":\"" + mailing + "\",\"email\":\"" + address
                                        + "\",\"name\":\"Erika Quellberg\",\"message\":\"Nie bestellt\"}")
                        .statusCode())
                .isEqualTo(202);

        // THEN the receiver is sent its SuppressionAdded, validly signed, as the bus has it, and nothing personal
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(received)
                        .filteredOn(e -> e.path("type").asText().equals("SuppressionAdded"))
                        .filteredOn(
                                e -> e.path("data").path("accountId").asText().equals(account))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.path("data").path("addressHash").asText())
                                    .isEqualTo(AddressHash.of(address).value());
                            assertThat(e.path("id").asText()).isNotBlank();
                        }));
        String text = received.toString().toLowerCase(Locale.ROOT);
        for (String value : List.of("quellberg", "example.net", "bestellt")) {
            assertThat(text).as("the webhooks hold %s", value).doesNotContain(value);
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return LocalApi.send(http, local.apiUrl(), method, path, token, body);
    }
}
