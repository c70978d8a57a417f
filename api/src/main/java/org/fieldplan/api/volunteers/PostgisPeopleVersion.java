package org.fieldplan.api.volunteers;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The people counter in PostGIS, table {@code api_people_version}: triggers on {@code api_shift_status} and
 * {@code api_volunteer_link} move a job's row on in the same transaction as each write, whichever instance (or
 * whoever) writes, so every instance sees the change with the data.
 */
public class PostgisPeopleVersion implements PeopleVersion {

    private final JdbcTemplate jdbc;

    public PostgisPeopleVersion(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public long current(String jobId) {
        Long version = jdbc.queryForObject(
                "SELECT coalesce((SELECT version FROM api_people_version WHERE job_id = ?), 0)", Long.class, jobId);
        return version == null ? 0 : version;
    }
}
