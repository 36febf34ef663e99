package org.abusedesk.intake;

import java.util.ArrayList;
import java.util.List;
import org.abusedesk.metrics.Measurement;

/** Remembers the intake events counted and the measurements recorded, for tests. */
public final class RecordingMetrics implements IntakeMetrics {

    private final List<IntakeEvent> events = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();

    @Override
    public synchronized void count(IntakeEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void record(Measurement measurement) {
        measurements.add(measurement);
    }

    public synchronized List<IntakeEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }
}
