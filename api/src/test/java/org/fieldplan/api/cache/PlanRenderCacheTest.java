package org.fieldplan.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * An answer is served from the cache only while its source is equal to the caller's and its time is not up; the
 * clock is moved by hand.
 */
class PlanRenderCacheTest {

    private static final Instant T0 = Instant.parse("2026-10-31T08:00:00Z");

    /** A clock that stands still until moved. */
    private static final class HandClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Source(Object plan, long peopleVersion) {
    }

    private final HandClock clock = new HandClock();
    private final PlanRenderCache cache = new PlanRenderCache(clock);
    private final AtomicInteger renders = new AtomicInteger();

    private String read(Object source, Instant validUntil) {
        return cache.get("sheet", source, () -> "answer " + renders.incrementAndGet(), answer -> validUntil);
    }

    @Test
    void anAnswerIsRenderedAgainWhenItsSourceMovesOn() {
        Object plan = new Object();
        assertThat(read(new Source(plan, 1), null)).isEqualTo("answer 1");
        assertThat(read(new Source(plan, 1), null)).as("same plan object, same count").isEqualTo("answer 1");
        assertThat(read(new Source(plan, 2), null)).as("the people count moved on").isEqualTo("answer 2");
        assertThat(read(new Source(new Object(), 2), null)).as("another plan object").isEqualTo("answer 3");
        assertThat(renders).hasValue(3);
    }

    @Test
    void anAnswerIsRenderedAgainOnceItsTimeIsUp() {
        Source source = new Source(new Object(), 1);
        Instant expiry = T0.plus(Duration.ofMinutes(5));
        assertThat(read(source, expiry)).isEqualTo("answer 1");
        clock.now = expiry.minusMillis(1);
        assertThat(read(source, expiry)).isEqualTo("answer 1");
        clock.now = expiry;
        assertThat(read(source, expiry)).as("a link on it expired").isEqualTo("answer 2");
    }
}
