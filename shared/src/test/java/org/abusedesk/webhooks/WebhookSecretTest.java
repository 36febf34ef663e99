package org.abusedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    /** The reference libraries' test secret: 24 bytes. */
    private static final String WRITTEN = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void parse_readsTheBase64AfterThePrefix_andWritesItBack() {
        var secret = WebhookSecret.parse(WRITTEN + "\n");

        assertThat(secret.key()).isEqualTo(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThat(secret.written()).isEqualTo(WRITTEN);
        assertThat(WebhookSecret.parse(secret.written())).isEqualTo(secret);
    }

    @Test
    void aSecretWithoutThePrefix_isRefusedWithWhatItShouldLookLike() {
        assertThatThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a webhook secret is written whsec_ and the base64 of its bytes")
                .hasMessageNotContaining("MfKQ9r8G");
    }

    @ParameterizedTest
    @ValueSource(strings = {"whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ""})
    void otherForms_areRefused(String written) {
        assertThatThrownBy(() -> WebhookSecret.parse(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a webhook secret is written whsec_");
    }

    @Test
    void aSecretThatIsNoBase64_isRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjU*D8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret after whsec_ is no base64");
    }

    @Test
    void secretsShorterThan24BytesOrLongerThan64_areRefused() {
        String short23 = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        String long65 = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);

        assertThatThrownBy(() -> WebhookSecret.parse(short23))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret has 24 to 64 bytes, not 23");
        assertThatThrownBy(() -> WebhookSecret.parse(long65))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret has 24 to 64 bytes, not 65");
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[64]))
                        .key())
                .hasSize(64);
    }

    @Test
    void toString_neverShowsTheBytes() {
        var secret = WebhookSecret.parse(WRITTEN);

        assertThat(secret.toString())
                .isEqualTo("WebhookSecret[redacted]")
                .doesNotContain("MfKQ9r8G")
                .doesNotContain("[B@");
    }

    @Test
    void theKey_isACopy_soNobodyChangesTheSecret() {
        byte[] given = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var secret = new WebhookSecret(given);

        given[0] ^= 1;
        secret.key()[1] ^= 1;

        assertThat(secret.written()).isEqualTo(WRITTEN);
    }

    @Test
    void generate_gives32RandomBytes_eachTimeOthers() {
        var one = WebhookSecret.generate();
        var other = WebhookSecret.generate();

        assertThat(one.key()).hasSize(32);
        assertThat(one).isNotEqualTo(other);
        assertThat(WebhookSecret.parse(one.written())).isEqualTo(one);
    }
}
