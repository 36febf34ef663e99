package org.abusedesk.cases;

import java.time.Instant;
import java.util.List;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.suppression.AddressHash;

/** Where the complaints table keeps a complainant's personal data, found and erased by the hash of the address. */
public interface ComplainantRecords {

    /**
     * Every complaint made from the address with this hash that still holds its personal data, those whose data
     * expired but are not deleted yet included.
     */
    List<CaseFile> ofComplainant(AddressHash address);

    /** The keys of every complaint that the mail with this receipt id gave (one per reported message in it). */
    List<ComplaintKey> ofReceipt(String receiptId);

    /**
     * Removes the complainant's personal data from one complaint: address, name, salutation, message, the closing
     * note and the pointer to the raw mail; keys, state, classification, counts, provenance and verdicts stay. Marks
     * it erased at {@code at}. Nothing happens to a complaint that is gone.
     */
    void erase(ComplaintKey key, Instant at);
}
