package org.fieldplan.api.messages;

import org.fieldplan.api.TestDatabases;
import org.fieldplan.api.jobs.PostgisJobRepository;
import org.fieldplan.data.DataStores;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The contract on a fresh database of {@code FIELDPLAN_DB_URL}: claims race over real row locks. */
class PostgisMessageOutboxTest extends MessageOutboxContractTest {

    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabases.fresh("message_outbox"));
        dataSource.setUser(TestDatabases.user());
        dataSource.setPassword(TestDatabases.password());
        // The API's migrations come after the data layer's, as in the service.
        DataStores.postgis(dataSource);
        new PostgisJobRepository(dataSource);
    }

    @Override
    protected MessageOutbox createOutbox() {
        new JdbcTemplate(dataSource).execute("DELETE FROM api_message");
        return new PostgisMessageOutbox(dataSource);
    }
}
