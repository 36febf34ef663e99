package org.abusedesk.processing;

import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.InMemoryAccounts;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.registration.InMemoryMailings;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;

/** The counting transaction over the in-memory tables; all or nothing, like DynamoDB's. */
public final class InMemoryLedger implements ComplaintLedger {

    private final InMemoryComplaints complaints;
    private final InMemoryMailings mailings;
    private final InMemoryAccounts accounts;

    public InMemoryLedger(InMemoryComplaints complaints, InMemoryMailings mailings, InMemoryAccounts accounts) {
        this.complaints = complaints;
        this.mailings = mailings;
        this.accounts = accounts;
    }

    @Override
    public boolean count(Complaint complaint, Optional<AccountId> account) {
        synchronized (complaints) {
            if (!complaints.advance(complaint.key(), ComplaintState.RECEIVED, ComplaintState.COUNTED)) {
                return false;
            }
            boolean verified = complaint.attribution().verified();
            mailings.count(complaint.mailingId(), verified);
            String email = complaint.complainant().email();
            account.ifPresent(id -> accounts.count(
                    id,
                    verified,
                    email.isBlank()
                            ? Optional.empty()
                            : Optional.of(new Suppression(
                                    id,
                                    AddressHash.of(email),
                                    complaint.receivedAt(),
                                    complaint.id().value()))));
            return true;
        }
    }
}
