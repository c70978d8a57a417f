package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * 2,000 messages in the PostGIS outbox, an instance (child JVM) delivering them to an SMTP server in this process
 * (GreenMail) is killed with {@code kill -9} mid-delivery; after a restart, and with a second instance beside it,
 * every message arrives, counted at the SMTP server by its message-key header: each once, except at most the
 * messages the dead instance had handed to the server but not yet marked sent, one per sender thread (the outbox
 * delivers at least once; a second copy needs a kill inside that window, and is only ever of a message the dead
 * instance held). The two live instances share the rest and never send the same one.
 * Fails, rather than skips, without {@code FIELDPLAN_DB_URL}.
 */
class OutboxKillRestartTest {

    private static final int MESSAGES = 2_000;
    /** The service's default {@code fieldplan.messages.threads}: messages in the SMTP server's hands at once. */
    private static final int SENDER_THREADS = 4;

    @Test
    void killedMidDeliveryThenRestartedEveryMessageArrivesAndNoneTwiceFromLiveInstances() throws Exception {
        String database = TestDatabases.fresh("outbox_kill");
        ServerSetup smtpSetup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(smtpSetup.dynamicPort());
        smtp.start();
        try {
            String[] channels = {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                    "--fieldplan.messages.lease-millis=3000", "--fieldplan.messages.batch-size=20"};
            ServiceProcess alpha = ServiceProcess.start("outbox-alpha", database,
                    with(channels, "--fieldplan.cluster.instance-id=alpha"));
            enqueue(database);
            awaitReceived(smtp, 300);
            alpha.kill();
            int atKill = smtp.getReceivedMessages().length;
            assertThat(atKill).as("killed mid-delivery").isLessThan(MESSAGES);
            assertThat(countByStatus(database).get("SENDING")).as("claimed under the dead instance's lease")
                    .isNotNull();
            // The only messages that may arrive twice: those the dead instance held when it died.
            Set<String> heldByTheDead = keys(database,
                    "SELECT message_key FROM api_message WHERE status = 'SENDING' AND lease_owner LIKE 'alpha/%'");

            Map<String, Integer> sentBy;
            // Both start side by side, so that both are delivering before either could be done alone.
            try (ServiceProcess restarted = ServiceProcess.launch("outbox-alpha-restarted", database,
                    with(channels, "--fieldplan.cluster.instance-id=alpha-restarted"));
                    ServiceProcess beta = ServiceProcess.launch("outbox-beta", database,
                            with(channels, "--fieldplan.cluster.instance-id=beta"))) {
                restarted.awaitUp();
                beta.awaitUp();
                long deadline = System.currentTimeMillis() + 120_000;
                while (!Integer.valueOf(MESSAGES).equals(countByStatus(database).get("SENT"))
                        && System.currentTimeMillis() < deadline) {
                    ApiClient.sleep(250);
                }
                assertThat(countByStatus(database)).containsExactly(Map.entry("SENT", MESSAGES));
                sentBy = sentBy(database);
                assertThat(sentBy).as("both live instances delivered").containsKeys("alpha-restarted", "beta");
            }

            Map<String, Integer> copies = new HashMap<>();
            Map<String, Set<String>> messageIds = new HashMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String key = message.getHeader("X-FieldPlan-Message-Key")[0];
                copies.merge(key, 1, Integer::sum);
                messageIds.computeIfAbsent(key, k -> new HashSet<>()).add(message.getMessageID());
            }
            assertThat(copies).as("every message arrived").hasSize(MESSAGES);
            assertThat(messageIds.values()).as("a copy sent again carries the same Message-ID (mail systems drop it)")
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            assertThat(messageIds.values().stream().flatMap(Set::stream).distinct().count())
                    .as("distinct Message-IDs: one per message").isEqualTo(MESSAGES);
            Map<String, Integer> twice = new HashMap<>();
            copies.forEach((key, n) -> {
                if (n > 1) {
                    twice.put(key, n);
                }
            });
            assertThat(twice).as("at most the messages in the SMTP server's hands at the kill, once more")
                    .hasSizeLessThanOrEqualTo(SENDER_THREADS).allSatisfy((key, n) -> assertThat(n).isEqualTo(2));
            assertThat(heldByTheDead).as("the two live instances never sent the same message: a second copy is "
                    + "only ever of one the dead instance held").containsAll(twice.keySet());
            assertThat(smtp.getReceivedMessages()).hasSize(MESSAGES + twice.size());
            System.out.printf("outbox kill -9: %d of %d received at the kill; sent by %s; delivered twice: %s%n",
                    atKill, MESSAGES, sentBy, twice);
        } finally {
            smtp.stop();
        }
    }

    private static void enqueue(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, TestDatabases.user(),
                TestDatabases.password());
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO api_message (message_key, channel, recipient, job_id, volunteer_id, organizer_id,
                            kind, subject, body_text, body_html, time_zone, status)
                        VALUES (?, 'EMAIL', ?, 'job-kill', ?, 'org-1', 'LINK', 'Your canvassing shifts', ?, ?,
                            'America/New_York', 'QUEUED')""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < MESSAGES; i++) {
                insert.setString(1, "kill-" + i);
                insert.setString(2, "v" + i + "@example.org");
                insert.setString(3, "V" + i);
                insert.setString(4, "Hi volunteer " + i);
                insert.setString(5, "<p>Hi volunteer " + i + "</p>");
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static void awaitReceived(GreenMail smtp, int count) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (smtp.getReceivedMessages().length < count && System.currentTimeMillis() < deadline) {
            ApiClient.sleep(20);
        }
        assertThat(smtp.getReceivedMessages().length).isGreaterThanOrEqualTo(count);
    }

    private static Map<String, Integer> countByStatus(String database) throws Exception {
        return counts(database, "SELECT status, count(*) FROM api_message GROUP BY status");
    }

    private static Map<String, Integer> sentBy(String database) throws Exception {
        return counts(database, "SELECT split_part(sent_by, '/', 1), count(*) FROM api_message GROUP BY 1");
    }

    private static Set<String> keys(String database, String sql) throws Exception {
        Set<String> keys = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(database, TestDatabases.user(),
                TestDatabases.password());
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                keys.add(row.getString(1));
            }
        }
        return keys;
    }

    private static Map<String, Integer> counts(String database, String sql) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database, TestDatabases.user(),
                TestDatabases.password());
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.put(row.getString(1), row.getInt(2));
            }
        }
        return counts;
    }

    private static String[] with(String[] base, String extra) {
        String[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = extra;
        return all;
    }
}
