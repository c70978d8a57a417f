package org.fieldplan.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.fieldplan.api.TestDatabases;
import org.fieldplan.api.jobs.PostgisJobRepository;
import org.fieldplan.data.DataStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two stores on one database, as two service instances have: they count into the same windows, so a guesser gains
 * nothing by spreading guesses over instances.
 */
class PostgisFailedCredentialStoreTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static PostgisFailedCredentialStore first;
    private static PostgisFailedCredentialStore second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        String url = TestDatabases.fresh("failed_credentials");
        PGSimpleDataSource one = dataSource(url);
        DataStores.postgis(one);
        new PostgisJobRepository(one); // the API's migrations
        first = new PostgisFailedCredentialStore(one);
        second = new PostgisFailedCredentialStore(dataSource(url));
    }

    @Test
    void bothInstancesCountIntoTheSameWindow() {
        assertThat(first.recordFailure("10.0.0.1", MINUTE).failures()).isEqualTo(1);
        assertThat(second.recordFailure("10.0.0.1", MINUTE).failures()).isEqualTo(2);
        assertThat(first.recordFailure("10.0.0.1", MINUTE).failures()).isEqualTo(3);
        FailedCredentialStore.Count count = second.recordFailure("10.0.0.1", MINUTE);
        assertThat(count.failures()).isEqualTo(4);
        assertThat(count.untilReset()).isPositive().isLessThanOrEqualTo(MINUTE);
        assertThat(second.recordFailure("10.0.0.2", MINUTE).failures()).as("another address").isEqualTo(1);
    }

    @Test
    void aWindowThatHasEndedStartsAgainFromOne() throws InterruptedException {
        Duration brief = Duration.ofMillis(200);
        first.recordFailure("10.0.0.3", brief);
        assertThat(second.recordFailure("10.0.0.3", brief).failures()).isEqualTo(2);
        Thread.sleep(400);
        assertThat(second.recordFailure("10.0.0.3", brief).failures()).isEqualTo(1);
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(TestDatabases.user());
        dataSource.setPassword(TestDatabases.password());
        return dataSource;
    }
}
