package org.abusedesk.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An account's complaint rate at one moment, as the escalation would have computed it then: the complaints and
 * recipients of the mailings in the window before it.
 */
public record RatePoint(Instant at, long complaints, long recipients, BigDecimal ratePercent) {

    public RatePoint {
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(ratePercent, "ratePercent == null");
    }
}
