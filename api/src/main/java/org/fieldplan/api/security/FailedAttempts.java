package org.fieldplan.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing of keys and volunteer tokens: counts failed credentials per client address in fixed windows;
 * an address over the limit is refused (429) until its window ends, whatever it sends. Addresses are the TCP peer's
 * ({@code X-Forwarded-For} is not trusted: behind a proxy, configure Tomcat's {@code RemoteIpValve}).
 */
@Component
public class FailedAttempts {

    private record Window(Instant start, int failures) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration windowLength;

    public FailedAttempts(Clock clock, ApiKeyProperties properties) {
        this.clock = clock;
        this.maxFailures = properties.maxFailedAttempts();
        this.windowLength = Duration.ofSeconds(properties.failureWindowSeconds());
    }

    /** Seconds until the address may try again, or 0 when it may try now. */
    public long blockedSeconds(String address) {
        Window window = windows.get(address);
        Instant now = clock.instant();
        if (window == null || !now.isBefore(window.start().plus(windowLength))) {
            return 0;
        }
        return window.failures() >= maxFailures
                ? Math.max(1, Duration.between(now, window.start().plus(windowLength)).toSeconds()) : 0;
    }

    public void failed(String address) {
        Instant now = clock.instant();
        windows.compute(address, (key, window) -> window == null
                || !now.isBefore(window.start().plus(windowLength)) ? new Window(now, 1)
                        : new Window(window.start(), window.failures() + 1));
        // Old windows of addresses that went quiet are dropped now and then, so the map stays small.
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(windowLength)));
        }
    }
}
