package org.abusedesk.suppression;

import java.time.Instant;
import java.util.Objects;
import org.abusedesk.account.AccountId;

/** A complainant the account may never mail again, known by the hash of the address only. */
public record Suppression(AccountId accountId, AddressHash addressHash, Instant since, String complaintId) {

    public Suppression {
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(addressHash, "addressHash == null");
        Objects.requireNonNull(since, "since == null");
        Objects.requireNonNull(complaintId, "complaintId == null");
    }
}
