package org.abusedesk.cases;

import java.util.List;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;

/**
 * What erasing a complainant's data did, in keys and counts only: it names neither the address nor its hash.
 *
 * @param complaints the complaints whose personal data was removed
 * @param rawMailsDeleted stored mails deleted because no other complaint needs them
 * @param rawMailsKept stored mails kept because another complaint, not this person's, still needs them
 * @param suppressionsKept the accounts' suppressions of the address, which hold only its hash and stay, so that
 *     the person is not mailed again
 */
public record ErasureReport(
        List<ComplaintKey> complaints, int rawMailsDeleted, int rawMailsKept, int suppressionsKept) {

    public ErasureReport {
        complaints = List.copyOf(Objects.requireNonNull(complaints, "complaints == null"));
    }

    public int complaintsErased() {
        return complaints.size();
    }
}
