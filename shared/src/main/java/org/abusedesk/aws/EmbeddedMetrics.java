package org.abusedesk.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.intake.IntakeEvent;
import org.abusedesk.intake.IntakeMetrics;
import org.abusedesk.metrics.Measurement;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNT = "Count";

    private final PrintStream out;
    private final Clock clock;

    public EmbeddedMetrics(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public void count(IntakeEvent event) {
        var line = line();
        line.put("Service", "intake");
        metric(line, event.metricName(), COUNT, 1, List.of("Service"));
        write(line);
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

    private ObjectNode line(Measurement measurement) {
        var line = line();
        switch (measurement) {
            case ComplaintReceived received -> {
                line.put("Channel", received.channel().name());
                line.put("Classification", received.classification().name());
                metric(line, "ComplaintsReceived", COUNT, 1, List.of("Channel", "Classification"));
                if (received.unattributed()) {
                    metric(line, "Unattributed", COUNT, 1, List.of("Channel"));
                }
            }
            case ProcessingLatency latency -> {
                line.put("Channel", latency.channel().name());
                metric(
                        line,
                        "ProcessingLatency",
                        "Milliseconds",
                        latency.latency().toMillis(),
                        List.of("Channel"));
            }
            case NotificationSent sent -> {
                line.put("Kind", sent.kind().name());
                metric(line, "NotificationsSent", COUNT, 1, List.of("Kind"));
            }
            case StatusTransition transition -> {
                line.put("To", transition.to().name());
                metric(line, "StatusTransitions", COUNT, 1, List.of("To"));
            }
        }
        return line;
    }

    private ObjectNode line() {
        var line = JSON.createObjectNode();
        var aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        aws.putArray("CloudWatchMetrics");
        return line;
    }

    /** Adds a metric with its own directive: its value at the root, its dimensions' values put there before. */
    private static void metric(ObjectNode line, String name, String unit, long value, List<String> dimensions) {
        var directive = ((ArrayNode) line.get("_aws").get("CloudWatchMetrics")).addObject();
        directive.put("Namespace", NAMESPACE);
        var dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.forEach(dimensionSet::add);
        directive.putArray("Metrics").addObject().put("Name", name).put("Unit", unit);
        line.put(name, value);
    }

    private void write(ObjectNode line) {
        out.println(json(line));
        out.flush();
    }

    private static String json(ObjectNode line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
