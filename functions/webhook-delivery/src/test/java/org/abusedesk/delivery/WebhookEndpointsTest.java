package org.abusedesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookEndpointsTest {

    private static final String PREFIX = "abuse-desk/webhooks/";
    private static final String ARN =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:abuse-desk/webhooks/crm-AbCdEf";

    @Test
    void aList_givesEachEndpoint_withTheEventsItWants_noneNamedMeaningAll() {
        var endpoints = WebhookEndpoints.parse(
                "[{\"url\": \"https://hooks.example.org/desk\", \"events\": [\"SuppressionAdded\"], \"secretArn\": \""
                        + ARN + "\"}, {\"url\": \"https://all.example.org/\", \"secretArn\": \"" + ARN + "\"},"
                        + " {\"url\": \"https://empty.example.org/\", \"events\": [], \"secretArn\": \"" + ARN + "\"}]",
                false,
                PREFIX);

        assertThat(endpoints).hasSize(3);
        assertThat(endpoints.get(0).url()).isEqualTo(URI.create("https://hooks.example.org/desk"));
        assertThat(endpoints.get(0).events()).isEqualTo(Set.of("SuppressionAdded"));
        assertThat(endpoints.get(0).secretArn()).isEqualTo(ARN);
        assertThat(endpoints.get(0).wants("SuppressionAdded")).isTrue();
        assertThat(endpoints.get(0).wants("CaseClosed")).isFalse();
        assertThat(endpoints.get(1).wants("CaseClosed")).isTrue();
        assertThat(endpoints.get(2).wants("AccountStatusChanged")).isTrue();
    }

    @Test
    void anEmptyList_orNone_givesNoEndpoint() {
        assertThat(WebhookEndpoints.parse("[]", false, PREFIX)).isEmpty();
        assertThat(WebhookEndpoints.parse("", false, PREFIX)).isEmpty();
    }

    @Test
    void http_isRefused_unlessAllowed_andThenOnlyToThisMachine() {
        String local = "[{\"url\": \"http://127.0.0.1:8765/hooks\", \"secretArn\": \"" + ARN + "\"}]";
        String remote = "[{\"url\": \"http://hooks.example.org/\", \"secretArn\": \"" + ARN + "\"}]";

        assertThatThrownBy(() -> WebhookEndpoints.parse(local, false, PREFIX))
                .hasMessageContaining("WebhookEndpoints entry 0 (127.0.0.1)")
                .hasMessageContaining("must be https");
        assertThat(WebhookEndpoints.parse(local, true, PREFIX)).hasSize(1);
        assertThatThrownBy(() -> WebhookEndpoints.parse(remote, true, PREFIX))
                .hasMessageContaining("entry 0 (hooks.example.org)")
                .hasMessageContaining("must be https");
    }

    @Test
    void aWrongEntry_isNamedByItsPosition() {
        String good = "{\"url\": \"https://a.example.org/\", \"secretArn\": \"" + ARN + "\"}";

        assertThatThrownBy(() -> WebhookEndpoints.parse(
                        "[" + good + ", {\"url\": \"ftp://b.example.org/\", \"secretArn\": \"" + ARN + "\"}]",
                        false,
                        PREFIX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WebhookEndpoints entry 1 (b.example.org)");
        assertThatThrownBy(
                        () -> WebhookEndpoints.parse("[" + good + ", {\"secretArn\": \"" + ARN + "\"}]", false, PREFIX))
                .hasMessage("WebhookEndpoints entry 1 has no url");
        assertThatThrownBy(() -> WebhookEndpoints.parse(
                        "[{\"url\": \"https://u:p@a.example.org/\", \"secretArn\": \"" + ARN + "\"}]", false, PREFIX))
                .hasMessageContaining("without user");
    }

    @Test
    void anUnknownField_aMisspeltEventsList_orABadType_isRefused() {
        assertThatThrownBy(() -> WebhookEndpoints.parse(
                        "[{\"url\": \"https://a.example.org/\", \"event\": [\"CaseClosed\"], \"secretArn\": \"" + ARN
                                + "\"}]",
                        false,
                        PREFIX))
                .hasMessageContaining("entry 0 has a field \"event\"");
        assertThatThrownBy(() -> WebhookEndpoints.parse(
                        "[{\"url\": \"https://a.example.org/\", \"events\": \"CaseClosed\", \"secretArn\": \"" + ARN
                                + "\"}]",
                        false,
                        PREFIX))
                .hasMessageContaining("entry 0 (a.example.org): its events must be a list");
        assertThatThrownBy(() -> WebhookEndpoints.parse(
                        "[{\"url\": \"https://a.example.org/\", \"events\": [\"case closed\"], \"secretArn\": \"" + ARN
                                + "\"}]",
                        false,
                        PREFIX))
                .hasMessageContaining("its events must be detail types");
    }

    @Test
    void aSecret_mustBeASecretsManagerArn_underTheStacksPrefix() {
        assertThatThrownBy(() -> WebhookEndpoints.parse(
                        "[{\"url\": \"https://a.example.org/\", \"secretArn\": \"whsec_abc\"}]", false, PREFIX))
                .hasMessageContaining("entry 0 (a.example.org): its secretArn must be a Secrets Manager secret's ARN");
        assertThatThrownBy(() -> WebhookEndpoints.parse(
                        "[{\"url\": \"https://a.example.org/\", \"secretArn\": \""
                                + "arn:aws:secretsmanager:eu-central-1:123456789012:secret:other/crm-AbCdEf\"}]",
                        false,
                        PREFIX))
                .hasMessageContaining("must start with abuse-desk/webhooks/");
    }

    @Test
    void noJson_orNoList_isRefused() {
        assertThatThrownBy(() -> WebhookEndpoints.parse("[{", false, PREFIX))
                .hasMessageStartingWith("WebhookEndpoints is not JSON");
        assertThatThrownBy(() -> WebhookEndpoints.parse("{}", false, PREFIX))
                .hasMessage("WebhookEndpoints must be a JSON list of endpoints");
        assertThatThrownBy(() -> WebhookEndpoints.parse("[\"https://a.example.org/\"]", false, PREFIX))
                .hasMessageContaining("entry 0 is not an object");
    }

    @Test
    void theEvidenceEndpoint_isCheckedAsAWebhookEndpoint_itsSecretByTheOneNameItsFunctionMayRead() {
        String arn = "arn:aws:secretsmanager:eu-central-1:000000000000:secret:desk/opt-in-evidence-AbCdEf";

        var endpoint = WebhookEndpoints.evidenceEndpoint(
                "https://platform.example/opt-in", arn, false, "desk/opt-in-evidence");

        assertThat(endpoint.url()).hasToString("https://platform.example/opt-in");
        assertThat(endpoint.secretArn()).isEqualTo(arn);
        assertThatThrownBy(() -> WebhookEndpoints.evidenceEndpoint(
                        "http://platform.example/opt-in", arn, true, "desk/opt-in-evidence"))
                .hasMessageContaining("OptInEvidenceUrl (platform.example): its url must be https");
        assertThatThrownBy(() -> WebhookEndpoints.evidenceEndpoint(
                        "https://platform.example/opt-in",
                        "arn:aws:secretsmanager:eu-central-1:000000000000:secret:other/secret",
                        false,
                        "desk/opt-in-evidence"))
                .hasMessageContaining("its secret's name must start with desk/opt-in-evidence");
    }
}
