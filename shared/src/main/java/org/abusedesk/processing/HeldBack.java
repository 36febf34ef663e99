package org.abusedesk.processing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one window of the team's mail budget held back: how many complaints waited, and on which mailings (the first
 * of them; {@code unnamed} counts the complaints on the others). They stay counted and waiting, for the summaries
 * that follow.
 */
public record HeldBack(Instant windowStart, Instant windowEnd, long complaints, List<String> mailingIds, long unnamed) {

    public HeldBack {
        Objects.requireNonNull(windowStart, "windowStart == null");
        Objects.requireNonNull(windowEnd, "windowEnd == null");
        mailingIds = List.copyOf(mailingIds);
    }
}
