package org.abusedesk.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.abusedesk.paging.InMemoryPages;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;
import org.abusedesk.suppression.Suppressions;

/** Accounts, their history and their suppressions in memory, with DynamoDB's conditions. */
public final class InMemoryAccounts implements Accounts, Suppressions {

    private final Map<AccountId, Account> accounts = new HashMap<>();
    private final Set<StatusChange> announced = new HashSet<>();
    private final Map<AccountId, Map<String, Suppression>> suppressions = new HashMap<>();

    @Override
    public synchronized Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized AccountStatus status(AccountId id) {
        return find(id).map(Account::status).orElse(AccountStatus.ACTIVE);
    }

    @Override
    public synchronized Page<StatusChange> history(AccountId id, PageRequest page) {
        var newestFirst = new ArrayList<>(find(id).map(Account::history).orElse(List.of()));
        Collections.reverse(newestFirst);
        return InMemoryPages.page(newestFirst, "account-history|" + id.value(), page);
    }

    @Override
    public synchronized boolean changeStatus(StatusChange change) {
        var account = accounts.getOrDefault(change.accountId(), Account.unknown(change.accountId()));
        if (account.status() != change.from()) {
            return false;
        }
        var history = new ArrayList<>(account.history());
        history.add(change);
        accounts.put(
                change.accountId(),
                new Account(account.id(), change.to(), account.complaints(), account.verifiedComplaints(), history));
        return true;
    }

    @Override
    public synchronized List<StatusChange> unannouncedEscalations(AccountId id) {
        return find(id).map(Account::history).orElse(List.of()).stream()
                .filter(c -> c.changedBy().equals(StatusChange.AUTOMATIC) && !announced.contains(c))
                .toList();
    }

    @Override
    public synchronized void markAnnounced(StatusChange change) {
        announced.add(change);
    }

    /** What the ledger's transaction adds to an account. */
    public synchronized void count(AccountId id, boolean verified, Optional<Suppression> suppression) {
        var account = accounts.getOrDefault(id, Account.unknown(id));
        accounts.put(
                id,
                new Account(
                        id,
                        account.status(),
                        account.complaints() + 1,
                        account.verifiedComplaints() + (verified ? 1 : 0),
                        account.history()));
        suppression.ifPresent(s -> suppressions
                .computeIfAbsent(id, k -> new LinkedHashMap<>())
                .putIfAbsent(s.addressHash().value(), s));
    }

    @Override
    public synchronized List<Suppression> of(AccountId accountId) {
        return List.copyOf(suppressions.getOrDefault(accountId, Map.of()).values());
    }

    @Override
    public synchronized Optional<Suppression> find(AccountId accountId, AddressHash addressHash) {
        return Optional.ofNullable(
                suppressions.getOrDefault(accountId, Map.of()).get(addressHash.value()));
    }

    @Override
    public synchronized Page<Suppression> of(AccountId accountId, PageRequest page) {
        return InMemoryPages.page(of(accountId), "suppressions|" + accountId.value(), page);
    }
}
