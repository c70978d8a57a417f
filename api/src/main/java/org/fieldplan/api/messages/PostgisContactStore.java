package org.fieldplan.api.messages;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Contacts in PostGIS, table {@code api_volunteer_contact}. */
public class PostgisContactStore implements ContactStore {

    private final JdbcTemplate jdbc;

    public PostgisContactStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void put(String scope, String volunteerId, Contact contact) {
        jdbc.update("""
                INSERT INTO api_volunteer_contact (scope, volunteer_id, email, phone) VALUES (?, ?, ?, ?)
                ON CONFLICT (scope, volunteer_id) DO UPDATE SET email = excluded.email, phone = excluded.phone""",
                scope, volunteerId, contact.email(), contact.phone());
    }

    @Override
    public Map<String, Contact> find(String scope, Collection<String> volunteerIds) {
        Map<String, Contact> found = new HashMap<>();
        jdbc.query("SELECT volunteer_id, email, phone FROM api_volunteer_contact WHERE scope = ? "
                + "AND volunteer_id = ANY (?)", row -> {
                    found.put(row.getString("volunteer_id"), new Contact(row.getString("email"),
                            row.getString("phone")));
                }, scope, volunteerIds.toArray(String[]::new));
        return found;
    }
}
