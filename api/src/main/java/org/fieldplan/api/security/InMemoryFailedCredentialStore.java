package org.fieldplan.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Failed credentials counted in this instance's memory (the in-memory store). */
public class InMemoryFailedCredentialStore implements FailedCredentialStore {

    private record Window(Instant start, int failures) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryFailedCredentialStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Count recordFailure(String client, Duration window) {
        Instant now = clock.instant();
        Window counted = windows.compute(client, (key, last) -> last == null
                || !now.isBefore(last.start().plus(window)) ? new Window(now, 1)
                        : new Window(last.start(), last.failures() + 1));
        // Windows of clients that went quiet are dropped now and then, so the map stays small.
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        return new Count(counted.failures(), Duration.between(now, counted.start().plus(window)));
    }
}
