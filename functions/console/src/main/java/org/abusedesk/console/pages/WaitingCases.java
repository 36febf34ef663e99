package org.abusedesk.console.pages;

import java.time.Instant;
import java.util.Optional;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.CaseFiles;
import org.abusedesk.cases.CaseSummary;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;

/**
 * The cases that wait for their customer's answer, with their due dates: read from each case's file, as the listings
 * carry none, so the overview reads a bounded number of them, as its other panels are bounded.
 */
final class WaitingCases {

    /** The most waiting cases the overview reads to count the overdue ones; beyond it, it says "at least". */
    static final int MAX_READ = 100;

    /** The most pages read for them: a page may hold fewer cases than asked, when some expired. */
    static final int MAX_PAGES = 4;

    private final ListCases listCases;
    private final CaseFiles files;

    WaitingCases(ConsoleUseCases useCases) {
        this.listCases = useCases.listCases();
        this.files = useCases.files();
    }

    /** The case's file, with its due date, when it waits for its customer; no file is read for any other case. */
    Optional<CaseFile> waiting(CaseSummary summary, Instant now) {
        if (summary.state() != ComplaintState.WAITING_FOR_CUSTOMER) {
            return Optional.empty();
        }
        return files.find(summary.key(), now);
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
                if (files.find(summary.key(), now).filter(f -> f.overdueAt(now)).isPresent()) {
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
