package org.abusedesk.aws;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import org.abusedesk.intake.IntakeEvent;
import org.abusedesk.intake.IntakeMetrics;

/**
 * Intake metrics as CloudWatch embedded metric format: one JSON line on stdout per event, which Lambda's log
 * group turns into a metric in the {@code AbuseDesk} namespace. The line names the event and nothing else.
 */
public final class EmbeddedMetrics implements IntakeMetrics {

    public static final String NAMESPACE = "AbuseDesk";

    private final PrintStream out;
    private final Clock clock;

    public EmbeddedMetrics(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public void count(IntakeEvent event) {
        String name = event.metricName();
        out.println("{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + NAMESPACE + "\",\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"" + name
                + "\",\"Unit\":\"Count\"}]}]},\"Service\":\"intake\",\"" + name + "\":1}");
        out.flush();
    }
}
