package org.abusedesk.intake;

import org.abusedesk.metrics.DeskMetrics;

/** Counts intake events as metrics, and records the desk's measurements of complaints taken in. */
public interface IntakeMetrics extends DeskMetrics {

    void count(IntakeEvent event);
}
