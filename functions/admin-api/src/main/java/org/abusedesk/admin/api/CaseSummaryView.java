package org.abusedesk.admin.api;

import java.time.Instant;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseSummary;

/** A case as a listing shows it: nothing about who complained. */
record CaseSummaryView(
        String mailingId,
        String complaintId,
        String state,
        String classification,
        String channel,
        String receivedAt,
        String accountId,
        String claimedAccountId,
        boolean verified,
        String mailingIdSource,
        String erasedAt) {

    static CaseSummaryView of(CaseSummary summary) {
        return new CaseSummaryView(
                summary.key().mailingId().value(),
                summary.key().complaintId().value(),
                summary.state().name(),
                summary.classification().name(),
                summary.channel().name(),
                summary.receivedAt().toString(),
                summary.account().map(AccountId::value).orElse(null),
                summary.claimedAccount().orElse(null),
                summary.verified(),
                summary.mailingIdSource().orElse(null),
                summary.erasedAt().map(Instant::toString).orElse(null));
    }
}
