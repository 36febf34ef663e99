package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.abusedesk.config.Environment;
import org.junit.jupiter.api.Test;

class DeliveryWiringTest {

    private static final String LOCAL = "[{\"url\": \"http://127.0.0.1:8765/\", \"secretArn\": \""
            + "arn:aws:secretsmanager:eu-central-1:123456789012:secret:abuse-desk/webhooks/local-AbCdEf\"}]";

    @Test
    void aWrongList_stopsTheFunctionAtItsStart_namingTheEntry() {
        var environment = new Environment(Map.of(
                "WEBHOOK_ENDPOINTS",
                LOCAL,
                "WEBHOOK_ALLOW_HTTP",
                "false",
                "WEBHOOK_SECRET_PREFIX",
                "abuse-desk/webhooks/"));

        assertThatThrownBy(() -> DeliveryWiring.endpoints(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WebhookEndpoints entry 0 (127.0.0.1): its url must be https");
    }

    @Test
    void http_isAllowedWhereTheLocalStackSaysSo() {
        var environment = new Environment(Map.of(
                "WEBHOOK_ENDPOINTS",
                LOCAL,
                "WEBHOOK_ALLOW_HTTP",
                "true",
                "WEBHOOK_SECRET_PREFIX",
                "abuse-desk/webhooks/"));

        assertThat(DeliveryWiring.endpoints(environment)).hasSize(1);
    }

    @Test
    void allowHttp_isTrueOrFalse() {
        var environment = new Environment(Map.of(
                "WEBHOOK_ENDPOINTS",
                "[]",
                "WEBHOOK_ALLOW_HTTP",
                "yes",
                "WEBHOOK_SECRET_PREFIX",
                "abuse-desk/webhooks/"));

        assertThatThrownBy(() -> DeliveryWiring.endpoints(environment)).hasMessageContaining("true or false");
    }
}
