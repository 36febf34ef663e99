package org.abusedesk.cases;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;

/**
 * The complaints table listed for the abuse team, a page at a time, oldest first within each listing. Complaints
 * whose personal data expired before {@code now} are left out, so a page may hold fewer items than asked for while
 * a cursor still continues it.
 *
 * @throws org.abusedesk.paging.InvalidCursorException from every method, for a cursor of another listing or none
 *     this desk gave out
 */
public interface CaseListings {

    /** The complaints about one mailing. */
    Page<CaseSummary> ofMailing(MailingId mailingId, TimeRange range, PageRequest page, Instant now);

    /**
     * The complaints counted against one account. A complaint is tied to its account when it is counted: one not
     * counted yet, and one that is no complaint (a bounce, an auto-reply ...), is not listed here.
     */
    Page<CaseSummary> ofAccount(AccountId accountId, TimeRange range, PageRequest page, Instant now);

    /** The complaints in one state. */
    Page<CaseSummary> inState(ComplaintState state, TimeRange range, PageRequest page, Instant now);

    /** Every complaint, open cases first: those still RECEIVED, COUNTED, NOTIFIED, then the closed ones. */
    Page<CaseSummary> openFirst(TimeRange range, PageRequest page, Instant now);

    /** The order in which {@link #openFirst} lists the states. */
    static List<ComplaintState> openFirstOrder() {
        // A stable sort: open states, then closed ones, each in the order the enum declares them.
        return Arrays.stream(ComplaintState.values())
                .sorted(Comparator.comparing((ComplaintState s) -> !s.open()))
                .toList();
    }
}
