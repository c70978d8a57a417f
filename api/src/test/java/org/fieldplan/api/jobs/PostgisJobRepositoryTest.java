package org.fieldplan.api.jobs;

import org.fieldplan.api.TestDatabases;
import org.fieldplan.data.DataStores;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The contract on a fresh database of {@code FIELDPLAN_DB_URL}; claims race over real row locks. */
class PostgisJobRepositoryTest extends JobRepositoryContractTest {

    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabases.fresh("job_repository"));
        dataSource.setUser(TestDatabases.user());
        dataSource.setPassword(TestDatabases.password());
    }

    @Override
    protected DataStores createStores() {
        return DataStores.postgis(dataSource);
    }

    @Override
    protected JobRepository createRepository(DataStores stores) {
        PostgisJobRepository repository = new PostgisJobRepository(dataSource);
        // Each test starts from an empty queue (the tests count claimable jobs).
        new JdbcTemplate(dataSource).execute("DELETE FROM api_job");
        return repository;
    }
}
