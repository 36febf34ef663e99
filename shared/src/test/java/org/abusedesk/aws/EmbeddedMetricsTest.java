package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.intake.IntakeEvent;
import org.abusedesk.metrics.Measurement.ComplaintReceived;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.abusedesk.metrics.Measurement.ProcessingLatency;
import org.abusedesk.metrics.Measurement.StatusTransition;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1795860930000L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmbeddedMetrics metrics = new EmbeddedMetrics(
            new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @Test
    void count_writesOneEmbeddedMetricFormatLine() {
        metrics.count(IntakeEvent.BOT_HONEYPOT);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"_aws\":{\"Timestamp\":1795860930000,\"CloudWatchMetrics\":[{\"Namespace\":\"AbuseDesk\","
                        + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"BotHoneypot\",\"Unit\":\"Count\"}]}]},"
                        + "\"Service\":\"intake\",\"BotHoneypot\":1}"
                        + System.lineSeparator());
    }

    @Test
    void complaintReceived_isCountedByChannelAndClassification() throws IOException {
        metrics.record(new ComplaintReceived(Channel.FORM, Classification.COMPLAINT, false));

        assertThat(lines()).singleElement().isEqualTo(JSON.readTree("""
                        {"_aws": {"Timestamp": 1795860930000, "CloudWatchMetrics": [
                            {"Namespace": "AbuseDesk", "Dimensions": [["Channel", "Classification"]],
                             "Metrics": [{"Name": "ComplaintsReceived", "Unit": "Count"}]}]},
                         "Channel": "FORM", "Classification": "COMPLAINT", "ComplaintsReceived": 1}
                        """));
    }

    @Test
    void anUnattributedComplaint_isAlsoCountedUnattributed_inTheSameLine() throws IOException {
        metrics.record(new ComplaintReceived(Channel.MAIL, Classification.COMPLAINT, true));

        assertThat(lines()).singleElement().isEqualTo(JSON.readTree("""
                        {"_aws": {"Timestamp": 1795860930000, "CloudWatchMetrics": [
                            {"Namespace": "AbuseDesk", "Dimensions": [["Channel", "Classification"]],
                             "Metrics": [{"Name": "ComplaintsReceived", "Unit": "Count"}]},
                            {"Namespace": "AbuseDesk", "Dimensions": [["Channel"]],
                             "Metrics": [{"Name": "Unattributed", "Unit": "Count"}]}]},
                         "Channel": "MAIL", "Classification": "COMPLAINT", "ComplaintsReceived": 1, "Unattributed": 1}
                        """));
    }

    @Test
    void processingLatency_isInMilliseconds() throws IOException {
        metrics.record(new ProcessingLatency(Channel.MAIL, Duration.ofSeconds(2).plusMillis(345)));

        assertThat(lines()).singleElement().isEqualTo(JSON.readTree("""
                        {"_aws": {"Timestamp": 1795860930000, "CloudWatchMetrics": [
                            {"Namespace": "AbuseDesk", "Dimensions": [["Channel"]],
                             "Metrics": [{"Name": "ProcessingLatency", "Unit": "Milliseconds"}]}]},
                         "Channel": "MAIL", "ProcessingLatency": 2345}
                        """));
    }

    @Test
    void notificationsAndStatusTransitions_areCountedByKindAndNewStatus() throws IOException {
        metrics.record(new NotificationSent(NotificationSent.Kind.SUMMARY));
        metrics.record(new StatusTransition(AccountStatus.PAUSED));

        assertThat(lines()).containsExactly(JSON.readTree("""
                                {"_aws": {"Timestamp": 1795860930000, "CloudWatchMetrics": [
                                    {"Namespace": "AbuseDesk", "Dimensions": [["Kind"]],
                                     "Metrics": [{"Name": "NotificationsSent", "Unit": "Count"}]}]},
                                 "Kind": "SUMMARY", "NotificationsSent": 1}
                                """), JSON.readTree("""
                                {"_aws": {"Timestamp": 1795860930000, "CloudWatchMetrics": [
                                    {"Namespace": "AbuseDesk", "Dimensions": [["To"]],
                                     "Metrics": [{"Name": "StatusTransitions", "Unit": "Count"}]}]},
                                 "To": "PAUSED", "StatusTransitions": 1}
                                """));
    }

    @Test
    void everyLine_isValidEmbeddedMetricFormat_whoseDimensionsAndMetricsAreAllAtTheRoot() throws IOException {
        metrics.record(new ComplaintReceived(Channel.MAIL, Classification.BOUNCE, true));
        metrics.record(new ProcessingLatency(Channel.FORM, Duration.ZERO));
        metrics.record(new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT));
        metrics.record(new StatusTransition(AccountStatus.WATCH));
        metrics.count(IntakeEvent.RATE_LIMITED);

        assertThat(lines()).hasSize(5).allSatisfy(line -> {
            assertThat(line.get("_aws").get("Timestamp").isIntegralNumber()).isTrue();
            for (JsonNode directive : line.get("_aws").get("CloudWatchMetrics")) {
                assertThat(directive.get("Namespace").asText()).isEqualTo("AbuseDesk");
                directive
                        .get("Dimensions")
                        .forEach(set -> set.forEach(dimension -> assertThat(
                                        line.get(dimension.asText()).isTextual())
                                .isTrue()));
                directive.get("Metrics").forEach(metric -> {
                    assertThat(metric.get("Unit").asText()).isIn("Count", "Milliseconds");
                    assertThat(line.get(metric.get("Name").asText()).isNumber()).isTrue();
                });
            }
        });
    }

    @Test
    void rehearse_writesNothing() {
        metrics.rehearse();

        assertThat(out.size()).isZero();
    }

    private List<JsonNode> lines() throws IOException {
        var lines = new ArrayList<JsonNode>();
        for (String line : out.toString(StandardCharsets.UTF_8).split(System.lineSeparator())) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
