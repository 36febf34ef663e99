package org.abusedesk.account;

import java.util.Objects;
import java.util.Optional;

/** Who at an account hears of complaints, where a contact was set. */
public final class ShowAccountContact {

    private final AccountContacts contacts;

    public ShowAccountContact(AccountContacts contacts) {
        this.contacts = Objects.requireNonNull(contacts, "contacts == null");
    }

    /**
     * Empty when the account has no contact.
     *
     * @throws org.abusedesk.request.InvalidRequestException naming {@code accountId}
     */
    public Optional<AccountContact> show(String accountId) {
        return contacts.find(ShowAccount.read(accountId));
    }
}
