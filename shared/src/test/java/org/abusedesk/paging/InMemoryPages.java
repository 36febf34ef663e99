package org.abusedesk.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Pages of an in-memory list, with cursors bound to their listing as the DynamoDB adapters' are. */
public final class InMemoryPages {

    private InMemoryPages() {}

    /** The page {@code request} asks for of {@code all}; {@code listing} names the listing and its scope. */
    public static <T> Page<T> page(List<T> all, String listing, PageRequest request) {
        int from = request.cursor().map(cursor -> offset(listing, cursor)).orElse(0);
        int to = Math.min(all.size(), from + request.limit());
        Optional<String> next = to < all.size() ? Optional.of(cursor(listing, to)) : Optional.empty();
        return new Page<>(all.subList(Math.min(from, all.size()), to), next);
    }

    private static String cursor(String listing, int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((listing + "|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String listing, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            if (bar < 0 || !text.substring(0, bar).equals(listing)) {
                throw new InvalidCursorException("not one of this listing");
            }
            return Integer.parseInt(text.substring(bar + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not readable");
        }
    }
}
