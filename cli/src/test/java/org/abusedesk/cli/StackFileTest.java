package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.abusedesk.webhooks.WebhookSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLocalWebhooksSecret_isInTheStackFile_asWebhookSecret_andAbsentWithoutOne(@TempDir Path directory)
            throws Exception {
        var secret = WebhookSecret.generate().written();
        var contents = new StackConnection.StackFile(
                "http://127.0.0.1:5050", "eu-central-1", Map.of(), Map.of(), "http://127.0.0.1:3000", "token");

        StackConnection.write(directory.resolve("with.json"), contents.withWebhookSecret(secret));
        StackConnection.write(directory.resolve("without.json"), contents);

        var with = JSON.readTree(Files.readString(directory.resolve("with.json")));
        assertThat(with.path("webhookSecret").asText()).isEqualTo(secret).startsWith("whsec_");
        assertThat(with.path("adminToken").asText()).isEqualTo("token");
        assertThat(JSON.readTree(Files.readString(directory.resolve("without.json")))
                        .path("webhookSecret")
                        .isNull())
                .isTrue();
        assertThat(JSON.readValue(directory.resolve("with.json").toFile(), StackConnection.StackFile.class)
                        .webhookSecret())
                .isEqualTo(secret);
    }
}
