package org.fieldplan.api.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.fieldplan.api.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts in PostGIS, table {@code api_account} (migration {@code V14__people.sql} of the API's schema). */
public class PostgisAccountStore implements AccountStore {

    private final JdbcTemplate jdbc;

    public PostgisAccountStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void insert(Account a, String keyHash) {
        jdbc.update("""
                INSERT INTO api_account (id, name, role, organizer_id, key_hash, enabled, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", a.id(), a.name(), a.role().name(), a.organizerId(), keyHash,
                a.enabled(), Timestamp.from(a.createdAt()), a.createdBy());
    }

    @Override
    public Optional<Account> findByKeyHash(String keyHash) {
        return jdbc.query("SELECT * FROM api_account WHERE key_hash = ?", PostgisAccountStore::read, keyHash)
                .stream().findFirst();
    }

    @Override
    public Optional<Account> find(String id) {
        return jdbc.query("SELECT * FROM api_account WHERE id = ?", PostgisAccountStore::read, id).stream()
                .findFirst();
    }

    @Override
    public List<Account> list() {
        return jdbc.query("SELECT * FROM api_account ORDER BY created_at, id", PostgisAccountStore::read);
    }

    @Override
    public boolean setEnabled(String id, boolean enabled) {
        return jdbc.update("UPDATE api_account SET enabled = ? WHERE id = ?", enabled, id) == 1;
    }

    @Override
    public boolean replaceKeyHash(String id, String keyHash, Instant at) {
        return jdbc.update("UPDATE api_account SET key_hash = ?, key_rotated_at = ? WHERE id = ?", keyHash,
                Timestamp.from(at), id) == 1;
    }

    private static Account read(ResultSet row, int n) throws SQLException {
        Timestamp rotated = row.getTimestamp("key_rotated_at");
        return new Account(row.getString("id"), row.getString("name"), Role.valueOf(row.getString("role")),
                row.getString("organizer_id"), row.getBoolean("enabled"), row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"), rotated == null ? null : rotated.toInstant());
    }
}
