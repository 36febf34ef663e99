package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the listener's checks decide without a DNS server to ask; the verdicts from DNS are SmtpVerdictsIT's. */
class ReceiptChecksTest {

    private static final byte[] MAIL = "From: a@example.org\r\n\r\nHallo\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void disabled_givesEveryVerdictDisabled() {
        var checks = ReceiptChecks.using(" ");

        assertThat(checks.enabled()).isFalse();
        assertThat(checks.check("127.0.0.1", "client.example.net", "a@example.org", List.of("a@example.org"), MAIL))
                .isEqualTo(ReceiptChecks.Verdicts.DISABLED);
    }

    @Test
    void organisationalDomain_isTheLastTwoLabels() {
        assertThat(ReceiptChecks.organisationalDomain("mail.news.example.org")).isEqualTo("example.org");
        assertThat(ReceiptChecks.organisationalDomain("example.org")).isEqualTo("example.org");
        assertThat(ReceiptChecks.organisationalDomain("localhost")).isEqualTo("localhost");
    }

    @Test
    void dnsServer_mustBeWrittenHostAndPort() {
        assertThat(ReceiptChecks.address("127.0.0.1:5353").getPort()).isEqualTo(5353);
        for (String wrong : List.of("127.0.0.1", ":53", "127.0.0.1:", "host:dns", "host:0", "host:65536")) {
            assertThatThrownBy(() -> ReceiptChecks.using(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(wrong);
        }
        assertThatThrownBy(() -> new LocalStack.Options("127.0.0.1", 0, "s", java.util.Map.of(), 0, "nowhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a DNS server must be written host:port: nowhere");
    }
}
