package org.abusedesk.cases;

import java.time.Clock;
import java.util.Objects;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;

/** Lists cases for the abuse team: per mailing, per account, per state, or all with the open ones first. */
public final class ListCases {

    private final CaseListings listings;
    private final Clock clock;

    public ListCases(CaseListings listings, Clock clock) {
        this.listings = Objects.requireNonNull(listings, "listings == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public Page<CaseSummary> ofMailing(MailingId mailingId, TimeRange range, PageRequest page) {
        return listings.ofMailing(mailingId, range, page, clock.instant());
    }

    public Page<CaseSummary> ofAccount(AccountId accountId, TimeRange range, PageRequest page) {
        return listings.ofAccount(accountId, range, page, clock.instant());
    }

    public Page<CaseSummary> inState(ComplaintState state, TimeRange range, PageRequest page) {
        return listings.inState(state, range, page, clock.instant());
    }

    public Page<CaseSummary> openFirst(TimeRange range, PageRequest page) {
        return listings.openFirst(range, page, clock.instant());
    }
}
