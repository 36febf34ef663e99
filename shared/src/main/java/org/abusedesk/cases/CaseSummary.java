package org.abusedesk.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;

/**
 * One line of a case listing: what the abuse team sorts and picks by, and nothing about the complainant (no
 * address, name or message).
 *
 * @param account the account the complaint was counted against; empty until it is counted, and for a complaint
 *     whose account is unknown
 * @param claimedAccount the account the complaint's evidence names, e.g. an {@code X-Client} header
 * @param mailingIdSource where the Mailing ID was found in a mailed complaint, e.g. {@code header:X-Mailing}
 * @param erasedAt when the complainant's personal data was erased on request
 */
public record CaseSummary(
        ComplaintKey key,
        ComplaintState state,
        Classification classification,
        Channel channel,
        Instant receivedAt,
        Optional<AccountId> account,
        Optional<String> claimedAccount,
        boolean verified,
        Optional<String> mailingIdSource,
        Optional<Instant> erasedAt,
        Optional<Instant> dueAt) {

    /** A summary of a case that does not wait for its customer. */
    public CaseSummary(
            ComplaintKey key,
            ComplaintState state,
            Classification classification,
            Channel channel,
            Instant receivedAt,
            Optional<AccountId> account,
            Optional<String> claimedAccount,
            boolean verified,
            Optional<String> mailingIdSource,
            Optional<Instant> erasedAt) {
        this(
                key,
                state,
                classification,
                channel,
                receivedAt,
                account,
                claimedAccount,
                verified,
                mailingIdSource,
                erasedAt,
                Optional.empty());
    }

    public CaseSummary {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(classification, "classification == null");
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(receivedAt, "receivedAt == null");
        Objects.requireNonNull(account, "account == null");
        Objects.requireNonNull(claimedAccount, "claimedAccount == null");
        Objects.requireNonNull(mailingIdSource, "mailingIdSource == null");
        Objects.requireNonNull(dueAt, "dueAt == null");
        Objects.requireNonNull(erasedAt, "erasedAt == null");
    }

    /** Whether the case waits for its customer past the date it was asked to answer by. */
    public boolean overdueAt(Instant now) {
        return state == ComplaintState.WAITING_FOR_CUSTOMER
                && dueAt.filter(due -> !due.isAfter(now)).isPresent();
    }
}
