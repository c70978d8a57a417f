package org.fieldplan.api.cache;

import java.util.function.Supplier;

import org.fieldplan.domain.FieldPlan;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers rendered from a job's best plan, kept until that plan changes. An entry remembers the plan object it was
 * rendered from and serves only while the job's best plan is that very object: every new best plan (a solve step, a
 * repair after a cancellation, a field report or a late volunteer) is a new object, and an instance that does not own
 * the job loads a new one when the shared plan version moves on, so a reader never gets a stale answer.
 */
@Component
public class PlanRenderCache {

    /** Enough for every organizer's day in every format of a few live jobs; the least used go first. */
    private static final long MAX_ENTRIES = 5_000;

    private record Entry(FieldPlan plan, Object answer) {
    }

    private final Cache<Object, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    /**
     * The answer for {@code key} rendered from {@code plan}, rendering it now if it was not yet, or was from another
     * plan.
     *
     * @param key everything besides the plan the answer depends on (job, date, organizer, format, the caller's view)
     */
    @SuppressWarnings("unchecked") // a key's entries are always rendered by the same caller, so of one type
    public <T> T get(Object key, FieldPlan plan, Supplier<T> render) {
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.plan() == plan) {
            return (T) entry.answer();
        }
        T answer = render.get();
        entries.put(key, new Entry(plan, answer));
        return answer;
    }
}
