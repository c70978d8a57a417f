package org.fieldplan.api.signups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.fieldplan.api.TestDatabases;
import org.fieldplan.api.jobs.PostgisJobRepository;
import org.fieldplan.data.DataStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DuplicateKeyException;

/**
 * The sign-up store contract on PostGIS, and what only a database gives: a sign-up saved by one store is read by
 * another on the same database (a restart, another instance), and one contact cannot be stored twice in a region.
 */
class PostgisSignUpStoreTest extends SignUpStoreContractTest {

    private static final Instant AT = Instant.parse("2026-10-30T12:00:00Z");

    private static String url;
    private static PostgisSignUpStore store;

    @BeforeAll
    static void database() {
        url = TestDatabases.fresh("sign_ups");
        PGSimpleDataSource dataSource = dataSource();
        DataStores.postgis(dataSource);
        new PostgisJobRepository(dataSource); // the API's migrations
        store = new PostgisSignUpStore(dataSource);
    }

    @Override
    SignUpStore store() {
        return store;
    }

    @Test
    void aPendingSignUpSurvivesARestart() {
        SignUp pending = signUp(region(), "ana@x.test", null, "org-1", AT);
        store.save(pending);
        assertThat(new PostgisSignUpStore(dataSource()).find(pending.id())).contains(pending);
    }

    @Test
    void theSameContactCannotBeStoredTwiceInARegion() {
        String region = region();
        store.save(signUp(region, "ben@x.test", "+14015550122", "org-1", AT));
        assertThatThrownBy(() -> store.save(signUp(region, "ben@x.test", null, "org-1", AT)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> store.save(signUp(region, null, "+14015550122", "org-1", AT)))
                .isInstanceOf(DuplicateKeyException.class);
        store.save(signUp(region(), "ben@x.test", "+14015550122", "org-1", AT));
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(TestDatabases.user());
        dataSource.setPassword(TestDatabases.password());
        return dataSource;
    }
}
