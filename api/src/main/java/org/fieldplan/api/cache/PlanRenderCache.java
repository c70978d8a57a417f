package org.fieldplan.api.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.fieldplan.domain.FieldPlan;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers rendered from a job's best plan, kept until that plan changes. An entry remembers what it was rendered
 * from (its source: the plan object, or a record holding it and other counts) and serves only while the caller's
 * source is equal to it. A {@link FieldPlan} is equal only to itself, and every new best plan (a solve step, a repair
 * after a cancellation, a field report or a late volunteer) is a new object; an instance that does not own the job
 * loads a new one when the shared plan version moves on; so a reader never gets a stale answer.
 */
@Component
public class PlanRenderCache {

    /** Enough for every organizer's day in every format of a few live jobs; the least used go first. */
    private static final long MAX_ENTRIES = 5_000;

    /** @param validUntil when the answer goes stale whatever its source; null for never */
    private record Entry(Object source, Object answer, Instant validUntil) {
    }

    private final Cache<Object, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
    private final Clock clock;

    public PlanRenderCache(Clock clock) {
        this.clock = clock;
    }

    /**
     * The answer for {@code key} rendered from {@code plan}, rendering it now if it was not yet, or was from another
     * plan.
     *
     * @param key everything besides the plan the answer depends on (job, date, organizer, format, the caller's view)
     */
    public <T> T get(Object key, FieldPlan plan, Supplier<T> render) {
        return get(key, plan, render, answer -> null);
    }

    /**
     * The answer for {@code key} rendered from {@code source}, rendering it now if it was not yet, was from another
     * source, or its time is up.
     *
     * @param source what the answer is rendered from, compared with {@code equals} (read it before rendering, so the
     *     answer is at least as new as the source says)
     * @param validUntil when a rendered answer goes stale whatever its source (null: never)
     */
    @SuppressWarnings("unchecked") // a key's entries are always rendered by the same caller, so of one type
    public <T> T get(Object key, Object source, Supplier<T> render, Function<? super T, Instant> validUntil) {
        Entry entry = entries.getIfPresent(key);
        if (entry != null && Objects.equals(entry.source(), source)
                && (entry.validUntil() == null || clock.instant().isBefore(entry.validUntil()))) {
            return (T) entry.answer();
        }
        T answer = render.get();
        entries.put(key, new Entry(source, answer, validUntil.apply(answer)));
        return answer;
    }
}
