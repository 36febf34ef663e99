package org.abusedesk.account;

import java.util.Objects;

/** A sending customer's account at the ESP. */
public record AccountId(String value) {

    public static final int MAX_LENGTH = 64;

    public AccountId {
        Objects.requireNonNull(value, "accountId == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("accountId is blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("accountId longer than " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new IllegalArgumentException("accountId contains a control character or line break");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
