package org.abusedesk.cases;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintId;

/**
 * When the complaints of a listing were received: from {@code from} (inclusive) until {@code to} (exclusive), either
 * end open, to the millisecond. Complaint ids are ULIDs, which begin with their time, so a range of time is a range
 * of ids.
 */
public record TimeRange(Optional<Instant> from, Optional<Instant> to) {

    /** Every complaint, whenever received. */
    public static final TimeRange ANY = new TimeRange(Optional.empty(), Optional.empty());

    public TimeRange {
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static TimeRange between(Instant from, Instant to) {
        return new TimeRange(Optional.of(from), Optional.of(to));
    }

    /** The smallest complaint id in the range; none when it has no start. */
    public Optional<String> lowestId() {
        return from.map(instant -> Ulid.min(instant.toEpochMilli()).toString());
    }

    /** The largest complaint id in the range; none when it has no end. */
    public Optional<String> highestId() {
        return to.map(instant -> Ulid.max(instant.toEpochMilli() - 1).toString());
    }

    public boolean contains(ComplaintId id) {
        String value = id.value();
        return lowestId().map(low -> value.compareTo(low) >= 0).orElse(true)
                && highestId().map(high -> value.compareTo(high) <= 0).orElse(true);
    }

    /** A short text naming the range, for binding a listing's cursors to it. */
    public String label() {
        return from.map(i -> Long.toString(i.toEpochMilli())).orElse("") + ".."
                + to.map(i -> Long.toString(i.toEpochMilli())).orElse("");
    }
}
