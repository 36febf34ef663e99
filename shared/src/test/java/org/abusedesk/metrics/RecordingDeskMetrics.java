package org.abusedesk.metrics;

import java.util.ArrayList;
import java.util.List;

/** Remembers the measurements recorded, for tests. */
public final class RecordingDeskMetrics implements DeskMetrics {

    private final List<Measurement> measurements = new ArrayList<>();

    @Override
    public synchronized void record(Measurement measurement) {
        measurements.add(measurement);
    }

    public synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    /** The measurements of one kind, in the order recorded. */
    public synchronized <M extends Measurement> List<M> of(Class<M> kind) {
        return measurements.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
