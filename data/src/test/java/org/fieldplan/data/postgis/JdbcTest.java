package org.fieldplan.data.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.sql.Statement;

import org.fieldplan.data.StoreException;
import org.fieldplan.data.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Transactions on PostGIS when the connection is lost mid-way (the database shut down or restarted). */
class JdbcTest {

    /**
     * The rollback after a lost connection fails too; the error reported is the first one (the server ending the
     * session), which tells the service the database is away, not the rollback's "connection closed".
     */
    @Test
    void aLostConnectionIsReportedByItsOwnErrorNotByTheFailedRollback() {
        StoreException e = catchThrowableOfType(StoreException.class, () -> Jdbc.inTransaction(
                TestDatabase.dataSource(), "a session ended by the server", connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT pg_terminate_backend(pg_backend_pid())");
                    }
                    return null;
                }));

        assertThat(e).isNotNull();
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("57P01");
        assertThat(e.getMessage()).startsWith("a session ended by the server failed: terminating connection");
        assertThat(e.getCause().getSuppressed()).as("the failed rollback, kept").hasSize(1);
    }
}
