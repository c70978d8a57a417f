package org.fieldplan.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every outbox store promises: one row per key, disjoint claims, leases that run out, outcomes under lease. */
abstract class MessageOutboxContractTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private MessageOutbox outbox;

    protected abstract MessageOutbox createOutbox();

    @BeforeEach
    void create() {
        outbox = createOutbox();
    }

    static OutboundMessage message(String key, String organizerId) {
        return new OutboundMessage(key, Channel.EMAIL, key + "@example.org", "job-1", "V-" + key, organizerId, "LINK",
                "Your canvassing shifts", "Hi", "<p>Hi</p>", "America/New_York");
    }

    @Test
    void enqueueingTheSameKeyTwiceKeepsOneMessage() {
        assertThat(outbox.enqueue(message("a", "org-1"))).isTrue();
        assertThat(outbox.enqueue(message("a", "org-2"))).isFalse();
        assertThat(outbox.forJob("job-1", null, 10)).hasSize(1);
        assertThat(outbox.find("a").orElseThrow().message().organizerId()).isEqualTo("org-1");
        assertThat(outbox.find("a").orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void enqueueingManyAtOnceCountsOnlyTheNewKeys() {
        outbox.enqueue(message("b", "org-1"));
        assertThat(outbox.enqueueAll(List.of(message("a", "org-1"), message("b", "org-2"), message("c", "org-1"),
                message("a", "org-2")))).as("a and c are new; b was there, a came twice").isEqualTo(2);
        assertThat(outbox.forJob("job-1", null, 10)).extracting(r -> r.message().key())
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(outbox.find("b").orElseThrow().message().organizerId()).isEqualTo("org-1");
        assertThat(outbox.latestPerVolunteer("job-1", "org-1")).containsOnlyKeys("V-a", "V-b", "V-c");
        assertThat(outbox.latestPerVolunteer("job-1", "org-1").get("V-a").message().text())
                .as("the board reads no message text").isEmpty();
    }

    @Test
    void racingSendersNeverClaimTheSameMessage() throws Exception {
        for (int i = 0; i < 300; i++) {
            outbox.enqueue(message("m" + i, "org-1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (String owner : List.of("alpha", "beta", "gamma")) {
                Callable<List<Long>> claimAll = () -> {
                    List<Long> mine = new ArrayList<>();
                    List<MessageRecord> batch;
                    while (!(batch = outbox.claim(owner, 7, LEASE)).isEmpty()) {
                        batch.forEach(m -> mine.add(m.id()));
                    }
                    return mine;
                };
                claims.add(pool.submit(claimAll));
            }
            Set<Long> all = new HashSet<>();
            int total = 0;
            for (Future<List<Long>> claim : claims) {
                List<Long> ids = claim.get();
                total += ids.size();
                all.addAll(ids);
            }
            assertThat(total).as("no message claimed twice").isEqualTo(all.size()).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeadSendersMessagesAreClaimedAgainOnceItsLeaseRanOutAndItCannotOverwriteTheOutcome() throws Exception {
        outbox.enqueue(message("x", "org-1"));
        MessageRecord claimedByDead = outbox.claim("dead", 10, Duration.ofMillis(1)).get(0);
        assertThat(claimedByDead.status()).isEqualTo(MessageStatus.SENDING);
        Thread.sleep(50);
        List<MessageRecord> again = outbox.claim("alive", 10, LEASE);
        assertThat(again).extracting(MessageRecord::id).containsExactly(claimedByDead.id());
        assertThat(outbox.claim("third", 10, LEASE)).as("held under the live lease").isEmpty();
        assertThat(outbox.renew(claimedByDead.id(), "dead", LEASE)).as("the dead owner lost it").isFalse();
        assertThat(outbox.renew(claimedByDead.id(), "alive", LEASE)).isTrue();

        outbox.markFinal(claimedByDead.id(), "dead", MessageStatus.FAILED, "late");
        outbox.markSent(claimedByDead.id(), "alive");
        MessageRecord sent = outbox.find("x").orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.sentBy()).isEqualTo("alive");
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.lastError()).isNull();
        assertThat(outbox.claim("alive", 10, LEASE)).isEmpty();
    }

    @Test
    void aRescheduledMessageWaitsAndCountsOnlyFailedAttempts() {
        outbox.enqueue(message("r", "org-1"));
        long id = outbox.claim("alpha", 1, LEASE).get(0).id();
        outbox.reschedule(id, "alpha", Instant.now().plusSeconds(3600), false, null);
        assertThat(outbox.claim("alpha", 1, LEASE)).as("deferred an hour").isEmpty();
        MessageRecord deferred = outbox.find("r").orElseThrow();
        assertThat(deferred.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(deferred.attempts()).isZero();

        outbox.enqueue(message("s", "org-1"));
        long other = outbox.claim("alpha", 1, LEASE).get(0).id();
        outbox.reschedule(other, "alpha", Instant.now().minusSeconds(1), true, "421 try later");
        MessageRecord failedOnce = outbox.claim("alpha", 1, LEASE).get(0);
        assertThat(failedOnce.attempts()).isEqualTo(1);
        assertThat(failedOnce.lastError()).isEqualTo("421 try later");
    }

    @Test
    void anOrganizerReadsTheirOwnVolunteersMessagesNewestFirst() {
        outbox.enqueue(message("o1", "org-1"));
        outbox.enqueue(message("o2", "org-2"));
        outbox.enqueue(message("o3", "org-1"));
        assertThat(outbox.forJob("job-1", "org-1", 10)).extracting(r -> r.message().key())
                .containsExactly("o3", "o1");
        assertThat(outbox.forJob("job-1", null, 2)).hasSize(2);
        assertThat(outbox.forJob("job-2", null, 10)).isEmpty();
    }
}
