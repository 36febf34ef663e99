package org.abusedesk.metrics;

/** Records what the desk measures; an adapter turns each measurement into a metric. */
public interface DeskMetrics {

    void record(Measurement measurement);
}
