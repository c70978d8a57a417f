package org.fieldplan.api.messages;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Opt-outs in PostGIS, table {@code api_opt_out}: every instance honours them. */
public class PostgisOptOutStore implements OptOutStore {

    private final JdbcTemplate jdbc;

    public PostgisOptOutStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void optOut(String address, String source) {
        jdbc.update("INSERT INTO api_opt_out (address, source) VALUES (?, ?) ON CONFLICT (address) DO NOTHING",
                Addresses.normal(address), source);
    }

    @Override
    public boolean isOptedOut(String address) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM api_opt_out WHERE address = ?)",
                Boolean.class, Addresses.normal(address)));
    }
}
