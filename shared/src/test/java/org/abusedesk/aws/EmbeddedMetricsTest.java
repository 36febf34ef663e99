package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.abusedesk.intake.IntakeEvent;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {

    @Test
    void count_writesOneEmbeddedMetricFormatLine() {
        var out = new ByteArrayOutputStream();
        var metrics = new EmbeddedMetrics(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-28T10:15:30Z"), ZoneOffset.UTC));

        metrics.count(IntakeEvent.BOT_HONEYPOT);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"_aws\":{\"Timestamp\":1795860930000,\"CloudWatchMetrics\":[{\"Namespace\":\"AbuseDesk\","
                        + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"BotHoneypot\",\"Unit\":\"Count\"}]}]},"
                        + "\"Service\":\"intake\",\"BotHoneypot\":1}"
                        + System.lineSeparator());
    }
}
