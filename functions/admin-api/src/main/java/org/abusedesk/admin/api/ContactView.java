package org.abusedesk.admin.api;

import java.util.Locale;
import org.abusedesk.account.AccountContact;

/** Who at an account hears of complaints: the document's {@code Contact}, the language as {@code de} or {@code en}. */
record ContactView(String email, String name, String language) {

    static ContactView of(AccountContact contact) {
        return new ContactView(
                contact.email(), contact.name(), contact.language().name().toLowerCase(Locale.ROOT));
    }
}
