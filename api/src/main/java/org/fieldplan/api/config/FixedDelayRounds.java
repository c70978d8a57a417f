package org.fieldplan.api.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A round of background work run on a daemon thread of its own, again and again with a fixed delay between the end
 * of one round and the start of the next, from {@link #start} to {@link #stop}: the lifecycle that background
 * components (joining sign-ups, publishing campaign regions) hand their {@code SmartLifecycle} methods to.
 */
public final class FixedDelayRounds {

    private final String threadName;
    private final long delayMillis;
    private final Runnable round;
    private ScheduledExecutorService executor;

    /**
     * @param threadName the thread's name, as logs show it
     * @param round one round; an exception it throws ends the rounds, so it should catch what it can recover from
     */
    public FixedDelayRounds(String threadName, long delayMillis, Runnable round) {
        this.threadName = threadName;
        this.delayMillis = delayMillis;
        this.round = round;
    }

    /** Starts the rounds, the first one delay from now. */
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(round, delayMillis, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the rounds, interrupting one under way. */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    public synchronized boolean isRunning() {
        return executor != null;
    }
}
