package org.fieldplan.api.accounts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts in memory: lost on exit, like the rest of the in-memory store. */
public class InMemoryAccountStore implements AccountStore {

    private record Row(Account account, String keyHash) {
    }

    private final Map<String, Row> rows = new ConcurrentHashMap<>();

    @Override
    public void insert(Account account, String keyHash) {
        rows.put(account.id(), new Row(account, keyHash));
    }

    @Override
    public Optional<Account> findByKeyHash(String keyHash) {
        return rows.values().stream().filter(row -> row.keyHash().equals(keyHash)).map(Row::account).findFirst();
    }

    @Override
    public Optional<Account> find(String id) {
        return Optional.ofNullable(rows.get(id)).map(Row::account);
    }

    @Override
    public List<Account> list() {
        return rows.values().stream().map(Row::account).sorted(Comparator.comparing(Account::createdAt)).toList();
    }

    @Override
    public boolean setEnabled(String id, boolean enabled) {
        return rows.computeIfPresent(id, (key, row) -> new Row(with(row.account(), enabled, row.account()
                .keyRotatedAt()), row.keyHash())) != null;
    }

    @Override
    public boolean replaceKeyHash(String id, String keyHash, Instant at) {
        return rows.computeIfPresent(id, (key, row) -> new Row(with(row.account(), row.account().enabled(), at),
                keyHash)) != null;
    }

    private static Account with(Account a, boolean enabled, Instant rotatedAt) {
        return new Account(a.id(), a.name(), a.role(), a.organizerId(), enabled, a.createdAt(), a.createdBy(),
                rotatedAt);
    }
}
