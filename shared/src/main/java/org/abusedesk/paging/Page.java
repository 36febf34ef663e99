package org.abusedesk.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One page of a listing, and the opaque cursor that continues it where there is more. */
public record Page<T>(List<T> items, Optional<String> next) {

    /** Most items a page holds when the caller names no limit, and the most it may name. */
    public static final int DEFAULT_LIMIT = 50;

    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next == null");
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }
}
