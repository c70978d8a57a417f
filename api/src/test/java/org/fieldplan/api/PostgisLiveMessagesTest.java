package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link LiveMessagesTest} with the outbox, contacts and live plans in PostGIS, and the reminder scan scheduled by
 * db-scheduler in its table ({@code scheduled_tasks}). Fails, rather than skips, without {@code FIELDPLAN_DB_URL}.
 */
class PostgisLiveMessagesTest extends LiveMessagesTest {

    private static String url;

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        url = PostgisStoreProperties.register(properties, "live_messages");
    }

    @Test
    void theReminderScanIsARecurringTaskInTheDatabaseThatHasRun() throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        String state = "";
        while (System.currentTimeMillis() < deadline) {
            try (Connection connection = DriverManager.getConnection(url, TestDatabases.user(),
                    TestDatabases.password());
                    Statement select = connection.createStatement();
                    ResultSet row = select.executeQuery("SELECT task_instance, last_success IS NOT NULL, "
                            + "execution_time > now() FROM scheduled_tasks WHERE task_name = 'shift-reminders'")) {
                state = row.next() ? row.getString(1) + " ran=" + row.getBoolean(2) + " next-in-future="
                        + row.getBoolean(3) : "no row";
            }
            if (state.endsWith("ran=true next-in-future=true")) {
                break;
            }
            ApiClient.sleep(200);
        }
        assertThat(state).as("db-scheduler ran the scan at startup and keeps its next run in the table")
                .isEqualTo("recurring ran=true next-in-future=true");
    }
}
