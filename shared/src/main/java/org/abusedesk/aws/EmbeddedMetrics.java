package org.abusedesk.aws;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.intake.IntakeEvent;
import org.abusedesk.intake.IntakeMetrics;
import org.abusedesk.metrics.Measurement;
import org.abusedesk.metrics.Measurement.AcknowledgementSkipped;
import org.abusedesk.metrics.Measurement.ComplaintReceived;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.abusedesk.metrics.Measurement.ProcessingLatency;
import org.abusedesk.metrics.Measurement.StatusTransition;

/**
 * Metrics as CloudWatch embedded metric format: one JSON line on stdout per event, which Lambda's log group turns
 * into metrics in the {@code AbuseDesk} namespace. A line holds metric names, their values and low-cardinality
 * dimensions (channel, classification, kind, status) and nothing else.
 */
public final class EmbeddedMetrics implements IntakeMetrics {

    public static final String NAMESPACE = "AbuseDesk";

    /** Lines are written as a stream: building a tree first costs the form more than the rest of its metrics. */
    private static final JsonFactory JSON = new JsonFactory();

    private static final String COUNT = "Count";

    /** A metric of a line, with the dimensions CloudWatch keys it by. */
    private record Metric(String name, String unit, long value, List<String> dimensions) {}

    /** One line: dimensions' values and metrics' values at its root, each metric with its directive. */
    private record Line(long timestamp, List<Map.Entry<String, String>> dimensions, List<Metric> metrics) {}

    private final PrintStream out;
    private final Clock clock;

    public EmbeddedMetrics(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public void count(IntakeEvent event) {
        write(new Line(
                clock.millis(),
                List.of(Map.entry("Service", "intake")),
                List.of(new Metric(event.metricName(), COUNT, 1, List.of("Service")))));
    }

    @Override
    public void record(Measurement measurement) {
        write(line(measurement));
    }

    /** Builds a line of every kind without writing it: what the first measurement of an invocation would load. */
    public void rehearse() {
        List.of(
                        new ComplaintReceived(Channel.MAIL, Classification.COMPLAINT, true),
                        new ProcessingLatency(Channel.FORM, Duration.ofSeconds(1)),
                        new NotificationSent(NotificationSent.Kind.ABUSE_TEAM),
                        new StatusTransition(AccountStatus.WATCH))
                .forEach(measurement -> json(line(measurement)));
    }

    private Line line(Measurement measurement) {
        long now = clock.millis();
        return switch (measurement) {
            case ComplaintReceived received -> {
                var metrics = new ArrayList<Metric>(2);
                metrics.add(new Metric("ComplaintsReceived", COUNT, 1, List.of("Channel", "Classification")));
                if (received.unattributed()) {
                    metrics.add(new Metric("Unattributed", COUNT, 1, List.of("Channel")));
                }
                yield new Line(
                        now,
                        List.of(
                                Map.entry("Channel", received.channel().name()),
                                Map.entry(
                                        "Classification",
                                        received.classification().name())),
                        metrics);
            }
            case ProcessingLatency latency ->
                new Line(
                        now,
                        List.of(Map.entry("Channel", latency.channel().name())),
                        List.of(new Metric(
                                "ProcessingLatency",
                                "Milliseconds",
                                latency.latency().toMillis(),
                                List.of("Channel"))));
            case NotificationSent sent ->
                new Line(
                        now,
                        List.of(Map.entry("Kind", sent.kind().name())),
                        List.of(new Metric("NotificationsSent", COUNT, 1, List.of("Kind"))));
            case AcknowledgementSkipped skipped ->
                new Line(
                        now,
                        List.of(Map.entry("Reason", skipped.reason().name())),
                        List.of(new Metric("AcknowledgementsSkipped", COUNT, 1, List.of("Reason"))));
            case StatusTransition transition ->
                new Line(
                        now,
                        List.of(Map.entry("To", transition.to().name())),
                        List.of(new Metric("StatusTransitions", COUNT, 1, List.of("To"))));
        };
    }

    private void write(Line line) {
        out.println(json(line));
        out.flush();
    }

    /** The line as embedded metric format: each metric's directive under {@code _aws}, then the values. */
    private static String json(Line line) {
        var text = new StringWriter(320);
        try (var json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", line.timestamp());
            json.writeArrayFieldStart("CloudWatchMetrics");
            for (var metric : line.metrics()) {
                json.writeStartObject();
                json.writeStringField("Namespace", NAMESPACE);
                json.writeArrayFieldStart("Dimensions");
                json.writeStartArray();
                for (String dimension : metric.dimensions()) {
                    json.writeString(dimension);
                }
                json.writeEndArray();
                json.writeEndArray();
                json.writeArrayFieldStart("Metrics");
                json.writeStartObject();
                json.writeStringField("Name", metric.name());
                json.writeStringField("Unit", metric.unit());
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            for (var dimension : line.dimensions()) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
            for (var metric : line.metrics()) {
                json.writeNumberField(metric.name(), metric.value());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
