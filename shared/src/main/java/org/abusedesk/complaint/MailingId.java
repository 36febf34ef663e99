package org.abusedesk.complaint;

import java.util.Objects;

/** The ID an ESP puts into every campaign's headers; the partition key of every complaint. */
public record MailingId(String value) {

    /** The key under which complaints are stored whose mailing could not be found. */
    public static final MailingId UNATTRIBUTED = new MailingId("UNATTRIBUTED");

    public static final int MAX_LENGTH = 64;

    public MailingId {
        Objects.requireNonNull(value, "mailingId == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("mailingId is blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("mailingId longer than " + MAX_LENGTH + " characters");
        }
        // It goes into mail subjects and headers: nothing in it may end a line.
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new IllegalArgumentException("mailingId contains a control character or line break");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
