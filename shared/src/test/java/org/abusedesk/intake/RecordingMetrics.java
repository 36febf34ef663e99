package org.abusedesk.intake;

import java.util.ArrayList;
import java.util.List;

/** Remembers the intake events counted, for tests. */
public final class RecordingMetrics implements IntakeMetrics {

    private final List<IntakeEvent> events = new ArrayList<>();

    @Override
    public synchronized void count(IntakeEvent event) {
        events.add(event);
    }

    public synchronized List<IntakeEvent> events() {
        return List.copyOf(events);
    }
}
