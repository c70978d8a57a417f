package org.fieldplan.api.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where accounts and their key hashes live: in memory (the default) or PostGIS ({@code api_account}). */
public interface AccountStore {

    void insert(Account account, String keyHash);

    /** The enabled or disabled account whose key has this hash. */
    Optional<Account> findByKeyHash(String keyHash);

    Optional<Account> find(String id);

    /** Every account, oldest first. */
    List<Account> list();

    /** @return false when there is no such account */
    boolean setEnabled(String id, boolean enabled);

    /** @return false when there is no such account */
    boolean replaceKeyHash(String id, String keyHash, Instant at);
}
