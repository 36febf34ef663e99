package org.abusedesk.console.pages;

import java.time.Instant;
import java.util.Optional;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;

/**
 * The cases that wait for their customer's answer: the listing of the state carries each case's due date, so the
 * overview counts the overdue ones without reading a case, within a bound like its other panels'.
 */
final class WaitingCases {

    /** The most waiting cases the overview looks at to count the overdue ones; beyond it, it says "at least". */
    static final int MAX_READ = 200;

    /** The most pages read for them: a page may hold fewer cases than asked, when some expired. */
    static final int MAX_PAGES = 4;

    private final ListCases listCases;

    WaitingCases(ConsoleUseCases useCases) {
        this.listCases = useCases.listCases();
    }

    /** The overdue cases among the first {@link #MAX_READ} waiting ones. */
    OverdueCases overdue(Instant now) {
        long overdue = 0;
        int read = 0;
        var page = new PageRequest(Optional.empty(), Page.DEFAULT_LIMIT);
        for (int pages = 1; ; pages++) {
            var listed = listCases.inState(ComplaintState.WAITING_FOR_CUSTOMER, TimeRange.ANY, page);
            for (var summary : listed.items()) {
                if (read == MAX_READ) {
                    return new OverdueCases(overdue, true);
                }
                read++;
                if (summary.overdueAt(now)) {
                    overdue++;
                }
            }
            if (listed.next().isEmpty()) {
                return new OverdueCases(overdue, false);
            }
            if (pages == MAX_PAGES) {
                return new OverdueCases(overdue, true);
            }
            page = new PageRequest(listed.next(), Page.DEFAULT_LIMIT);
        }
    }
}
