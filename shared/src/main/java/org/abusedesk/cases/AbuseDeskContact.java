package org.abusedesk.cases;

import java.util.Locale;
import java.util.Objects;

/**
 * The ESP's abuse desk as it names itself in the reports it exports: organisation, the address it answers at, and
 * that address's domain.
 */
public record AbuseDeskContact(String organisation, String address, String domain) {

    public static final int MAX_ORGANISATION_CHARS = 200;

    public AbuseDeskContact {
        Objects.requireNonNull(organisation, "organisation == null");
        Objects.requireNonNull(address, "address == null");
        Objects.requireNonNull(domain, "domain == null");
        if (organisation.isBlank() || organisation.length() > MAX_ORGANISATION_CHARS) {
            throw new IllegalArgumentException("organisation must be 1 to " + MAX_ORGANISATION_CHARS + " characters");
        }
        if (address.indexOf('@') < 1 || address.endsWith("@")) {
            throw new IllegalArgumentException("address is no e-mail address: " + address);
        }
        if (domain.isBlank()) {
            throw new IllegalArgumentException("domain is blank");
        }
    }

    /** The desk at {@code address}, its domain taken from the address. */
    public static AbuseDeskContact of(String organisation, String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return new AbuseDeskContact(organisation, address, domain);
    }
}
