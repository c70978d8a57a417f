package org.fieldplan.api.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing of keys and volunteer tokens: failed credentials are counted per client address in fixed
 * windows ({@link FailedCredentialStore}, shared by all instances on PostGIS); beyond the budget a wrong credential
 * is answered 429 with the seconds until the window ends. A valid credential is checked and accepted whatever the
 * address's count, so nobody behind the same proxy or NAT as a guesser is locked out. Addresses are the TCP peer's
 * ({@code X-Forwarded-For} is not trusted: behind a proxy, configure Tomcat's {@code RemoteIpValve}).
 */
@Component
public class FailedAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(FailedAttempts.class);

    private final FailedCredentialStore store;
    private final int budget;
    private final Duration window;

    public FailedAttempts(FailedCredentialStore store, ApiKeyProperties properties) {
        this.store = store;
        this.budget = properties.maxFailedAttempts();
        this.window = Duration.ofSeconds(properties.failureWindowSeconds());
    }

    /**
     * Counts a failed credential from the address.
     *
     * @return seconds the address should wait when it is over its budget (at least 1), or 0 when it is not
     */
    public long failed(String address) {
        FailedCredentialStore.Count count;
        try {
            count = store.recordFailure(address, window);
        } catch (RuntimeException e) {
            // The answer is 401 all the same; an unreachable store must not turn wrong keys into 500s.
            LOG.warn("failed credential from {} not counted: {}", address, e.getMessage());
            return 0;
        }
        if (count.failures() <= budget) {
            return 0;
        }
        long millis = count.untilReset().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
