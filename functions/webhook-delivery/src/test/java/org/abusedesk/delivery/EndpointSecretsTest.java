package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.abusedesk.webhooks.WebhookSecret;
import org.junit.jupiter.api.Test;

class EndpointSecretsTest {

    private final WebhookSecret current = WebhookSecret.generate();
    private final WebhookSecret previous = WebhookSecret.generate();

    @Test
    void aSecretsValue_givesTheCurrentSecret_andThePreviousWhileARotationLasts() {
        assertThat(EndpointSecrets.parse("{\"current\": \"" + current.written() + "\"}"))
                .containsExactly(current);
        assertThat(EndpointSecrets.parse(
                        "{\"current\": \"" + current.written() + "\", \"previous\": \"" + previous.written() + "\"}"))
                .containsExactly(current, previous);
        assertThat(EndpointSecrets.parse("{\"current\": \"" + current.written() + "\", \"previous\": \"\"}"))
                .containsExactly(current);
    }

    @Test
    void aValueWithoutCurrent_orNotWhsec_isRefused_showingNoneOfIt() {
        assertThatThrownBy(() -> EndpointSecrets.parse("{\"previous\": \"" + previous.written() + "\"}"))
                .hasMessageContaining("no \"current\"");
        assertThatThrownBy(() -> EndpointSecrets.parse("{\"current\": \"hunter2hunter2\"}"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> EndpointSecrets.parse("whsec_notjson"))
                .hasMessage("a webhook secret's value is not JSON");
    }
}
