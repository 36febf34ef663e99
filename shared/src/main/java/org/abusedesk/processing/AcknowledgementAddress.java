package org.abusedesk.processing;

import java.util.Locale;
import org.abusedesk.suppression.AddressHash;

/**
 * The one rule by which acknowledgements count an address against its daily share: lower-cased, and the local
 * part's {@code +tag} removed ({@code Victim+1@Example.org} is {@code victim@example.org}), then hashed as
 * {@link AddressHash} does. Nothing more exotic (no dots removed, no provider rules): a rule that merges two real
 * inboxes would let one person spend another's share.
 */
public final class AcknowledgementAddress {

    private AcknowledgementAddress() {}

    /** The hash under which the address's acknowledgements are counted; holds no address. */
    public static AddressHash limitHash(String address) {
        return AddressHash.of(normalise(address));
    }

    static String normalise(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        int plus = lower.indexOf('+');
        return plus > 0 && plus < at ? lower.substring(0, plus) + lower.substring(at) : lower;
    }
}
