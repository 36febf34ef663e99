package org.abusedesk.admin.api;

import java.util.List;
import java.util.function.Function;
import org.abusedesk.paging.Page;

/** One page of a listing, and the cursor of the next one or {@code null} after the last. */
record PageView<T>(List<T> items, String next) {

    static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(
                page.items().stream().map(view).toList(), page.next().orElse(null));
    }
}
