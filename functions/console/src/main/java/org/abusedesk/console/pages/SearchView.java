package org.abusedesk.console.pages;

import java.util.List;
import java.util.Objects;

/**
 * The search: what was asked and what it found, each as a link; for an address, only the keys and states of its
 * complaints.
 *
 * @param q what was typed; empty before a search
 * @param error why the search could not be made, or empty
 */
public record SearchView(Frame f, String q, List<Hit> hits, String error) {

    /** One thing found: what it is ({@code case}, {@code mailing}, {@code account}, {@code complaint}), a link to it. */
    public record Hit(String kind, String label, String url, String state) {}

    public SearchView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(q, "q == null");
        hits = List.copyOf(hits);
        Objects.requireNonNull(error, "error == null");
    }

    public boolean searched() {
        return !q.isEmpty();
    }
}
