package org.abusedesk.account;

import java.util.Objects;
import org.abusedesk.complaint.Language;

/**
 * Who at the sending customer hears of complaints on its mailings: an address, a name to greet, and the language of
 * the notices. Set by the sending platform or the abuse team, never by a mail.
 */
public record AccountContact(String email, String name, Language language) {

    public AccountContact {
        Objects.requireNonNull(email, "email == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(language, "language == null");
        if (email.isBlank()) {
            throw new IllegalArgumentException("email is blank");
        }
    }

    @Override
    public String toString() {
        return "AccountContact[" + language + "]";
    }
}
