package org.fieldplan.benchmarks.suite;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls the used heap in a daemon thread and keeps the largest value. Polling misses short spikes between two
 * polls and counts garbage not yet collected, so the figure is "heap the run needed with this GC and -Xmx", not the
 * live set; it is comparable between runs with the same JVM options.
 */
final class HeapPeakSampler implements AutoCloseable {

    private static final long POLL_MILLIS = 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    private HeapPeakSampler() {
        poller = new Thread(this::poll, "heap-peak-sampler");
        poller.setDaemon(true);
    }

    /** Starts sampling after a full GC, so that garbage of earlier work does not count. */
    static HeapPeakSampler start() {
        System.gc();
        HeapPeakSampler sampler = new HeapPeakSampler();
        sampler.sample();
        sampler.poller.start();
        return sampler;
    }

    long peakBytes() {
        sample();
        return peak.get();
    }

    private void poll() {
        while (running) {
            sample();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
