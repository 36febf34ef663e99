package org.abusedesk.inbound;

/**
 * What one parse may still spend: time, entities and bytes kept, over the mail and every message attached to it.
 * Whatever runs out marks the result truncated.
 */
final class ParseBudget {

    private final InboundLimits limits;
    private final long deadline;
    private int parts;
    private long bytesLeft;
    private boolean truncated;

    ParseBudget(InboundLimits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.parseBudget().toNanos();
        // Attached messages are kept decoded beside the mail that holds them: twice the mail bounds both.
        this.bytesLeft = 2 * limits.maxBytes();
    }

    InboundLimits limits() {
        return limits;
    }

    /** False once the time is up; the caller stops where it is. */
    boolean timeLeft() {
        if (System.nanoTime() - deadline > 0) {
            truncated = true;
            return false;
        }
        return true;
    }

    /** Counts one more entity; false when the mail has as many as the limit allows. */
    boolean takePart() {
        if (parts >= limits.maxParts()) {
            truncated = true;
            return false;
        }
        parts++;
        return true;
    }

    /** How many of {@code wanted} bytes may still be kept; marks truncation when fewer. */
    int takeBytes(long wanted) {
        long granted = Math.min(wanted, Math.min(bytesLeft, Integer.MAX_VALUE - 16));
        if (granted < wanted) {
            truncated = true;
        }
        bytesLeft -= granted;
        return (int) granted;
    }

    void markTruncated() {
        truncated = true;
    }

    boolean truncated() {
        return truncated;
    }
}
