package org.abusedesk.account;

import java.util.Objects;

/** The sending platform or a person sets who at an account hears of complaints, replacing the contact before. */
public final class SetAccountContact {

    private final AccountContacts contacts;

    public SetAccountContact(AccountContacts contacts) {
        this.contacts = Objects.requireNonNull(contacts, "contacts == null");
    }

    /**
     * @return the contact as stored
     * @throws org.abusedesk.request.InvalidRequestException naming each field that cannot be accepted; nothing is
     *     stored then
     */
    public AccountContact set(AccountContactRequest request) {
        var entry = ContactValidator.validate(request);
        contacts.put(entry.accountId(), entry.contact());
        return entry.contact();
    }
}
