package org.abusedesk.inbound;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits on inbound mail from the design brief. Beyond any of them the parse keeps what it found and marks
 * the result truncated; hostile input ends in bounded time and memory, never in an error.
 *
 * @param maxBytes the largest mail read (SES accepts up to 40 MB); also bounds the bytes the parse keeps in all
 * @param maxDepth how deep entities may nest: multiparts and attached messages alike
 * @param maxParts how many entities one mail may have, counted over every attached message
 * @param maxHeadersPerPart header fields read per entity
 * @param maxLineLength the longest header line or header field, in bytes
 * @param maxTextChars text kept per body for reading Mailing IDs from
 * @param parseBudget the time one parse may take
 */
public record InboundLimits(
        long maxBytes,
        int maxDepth,
        int maxParts,
        int maxHeadersPerPart,
        int maxLineLength,
        int maxTextChars,
        Duration parseBudget) {

    /** The defaults of the design brief. */
    public static final InboundLimits DEFAULT =
            new InboundLimits(40L * 1000 * 1000, 10, 500, 1_000, 100_000, 1_000_000, Duration.ofSeconds(2));

    public InboundLimits {
        Objects.requireNonNull(parseBudget, "parseBudget == null");
        if (maxBytes <= 0 || maxDepth <= 0 || maxParts <= 0 || maxHeadersPerPart <= 0 || maxLineLength <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxTextChars <= 0 || parseBudget.isNegative() || parseBudget.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
