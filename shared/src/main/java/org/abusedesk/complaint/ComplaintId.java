package org.abusedesk.complaint;

import com.github.f4b6a3.ulid.Ulid;
import java.util.Objects;
import org.abusedesk.snapstart.Randomness;

/** A complaint's sort key and case reference: a ULID, so complaints of a mailing sort by arrival. */
public record ComplaintId(String value) {

    public ComplaintId {
        Objects.requireNonNull(value, "complaintId == null");
        if (!Ulid.isValid(value)) {
            throw new IllegalArgumentException("complaintId is not a ULID: " + value);
        }
    }

    public static ComplaintId generate() {
        // Monotonic: two complaints of the same millisecond still sort in the order they arrived.
        return new ComplaintId(Randomness.monotonicUlid().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
