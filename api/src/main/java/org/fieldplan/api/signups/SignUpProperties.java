package org.fieldplan.api.signups;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Public sign-ups ({@code fieldplan.signups.*}).
 *
 * @param batchMillis how often confirmed sign-ups join the live plan, all of a region's in one repair
 * @param maxBatch at most this many sign-ups join in one repair (the rest in the next)
 * @param perAddress sign-ups (and wrong codes) one client address may send per window
 * @param perContact sign-ups one e-mail or phone may receive per window (each sends a new code)
 * @param windowSeconds the rate limits' fixed window
 * @param maxWrongCodes wrong codes tried before a sign-up's code stops working (signing up again sends a new one)
 */
@ConfigurationProperties("fieldplan.signups")
public record SignUpProperties(@DefaultValue("1000") long batchMillis, @DefaultValue("500") int maxBatch,
        @DefaultValue("20") int perAddress, @DefaultValue("3") int perContact, @DefaultValue("60") int windowSeconds,
        @DefaultValue("5") int maxWrongCodes) {
}
