package org.abusedesk.console.pages;

/**
 * How many cases wait for their customer past the date they were given, among those read.
 *
 * @param atLeast whether more cases were waiting than were read, so that there may be more overdue
 */
public record OverdueCases(long count, boolean atLeast) {

    public OverdueCases {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
    }
}
