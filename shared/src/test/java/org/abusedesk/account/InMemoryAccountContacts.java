package org.abusedesk.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Account contacts in memory, in the order they were first set. */
public final class InMemoryAccountContacts implements AccountContacts {

    private final Map<AccountId, AccountContact> contacts = new LinkedHashMap<>();

    @Override
    public synchronized Optional<AccountContact> find(AccountId account) {
        return Optional.ofNullable(contacts.get(account));
    }

    @Override
    public synchronized void put(AccountId account, AccountContact contact) {
        contacts.put(account, contact);
    }

    /** Every contact set, by account. */
    public synchronized Map<AccountId, AccountContact> all() {
        return Map.copyOf(contacts);
    }
}
