package org.abusedesk.paging;

import java.util.Objects;
import java.util.Optional;

/** Which page of a listing is asked for: the cursor a previous page gave (none for the first) and its size. */
public record PageRequest(Optional<String> cursor, int limit) {

    public PageRequest {
        Objects.requireNonNull(cursor, "cursor == null");
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + Page.MAX_LIMIT + ", was " + limit);
        }
    }

    public static PageRequest first() {
        return new PageRequest(Optional.empty(), Page.DEFAULT_LIMIT);
    }
}
