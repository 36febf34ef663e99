package org.abusedesk.intake;

import java.time.Duration;
import java.util.Objects;

/**
 * How many complaints one source may send: at most {@code complaints} within any {@code window}.
 *
 * @param complaints the most complaints a source may send in the window
 * @param window how far back the complaints count
 */
public record SourceLimit(int complaints, Duration window) {

    /** Ten complaints in any ten minutes: more than a person sends, fewer than a flood needs. */
    public static final SourceLimit DEFAULT = new SourceLimit(10, Duration.ofMinutes(10));

    public SourceLimit {
        Objects.requireNonNull(window, "window == null");
        if (complaints < 1) {
            throw new IllegalArgumentException("complaints < 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }
}
