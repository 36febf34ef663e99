package org.abusedesk.intake;

/** Counts intake events as metrics. */
public interface IntakeMetrics {

    void count(IntakeEvent event);
}
