package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ADMIN;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AccountSecurityTest} on PostGIS, and the stored rows hold no key in clear. */
class PostgisAccountSecurityTest extends AccountSecurityTest {

    private static String url;

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        url = PostgisStoreProperties.register(properties, "accounts");
    }

    @Test
    void keysAreNotStoredInClear() throws SQLException {
        String key = create("{\"name\":\"Ana\",\"role\":\"ORGANIZER\",\"organizerId\":\"org-1\"}").get("key")
                .asText();
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM api_account")) {
            while (row.next()) {
                StringBuilder all = new StringBuilder();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    all.append(row.getString(column)).append('|');
                }
                rows.add(all.toString());
            }
        }
        assertThat(rows).isNotEmpty().noneSatisfy(row -> assertThat(row).contains(key))
                .noneSatisfy(row -> assertThat(row).contains(key.substring(4, 20)));
        assertThat(String.join("\n", rows)).contains(org.fieldplan.api.accounts.Secrets.sha256(key));
        assertThat(new ApiClient(port).get("/api/accounts", ADMIN).body()).doesNotContain(key);
    }
}
