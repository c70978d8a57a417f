package org.fieldplan.api.live;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.data.live.LiveVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;

/**
 * Server-sent events of a region's live plan: a {@code version} event for every new version, whoever made it (an
 * organizer, a volunteer, a repair; here or on another instance). Changes made here are sent at once; a timer also
 * looks at the newest version every {@code fieldplan.solve.event-millis} × 5 (without its assignments), which catches
 * versions written by other instances and repairs that ended after their request was answered.
 */
@Component
public class LiveEvents implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    /** What a {@code version} event carries. */
    public record Event(String regionId, int version, String kind, String actor, String reason) {
    }

    private static final class Subscription {
        final String regionId;
        int sent;

        Subscription(String regionId, int sent) {
            this.regionId = regionId;
            this.sent = sent;
        }
    }

    private final LivePlans live;
    private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-events");
        thread.setDaemon(true);
        return thread;
    });

    public LiveEvents(@Lazy LivePlans live, FieldPlanProperties properties) {
        this.live = live;
        long period = Math.max(100, properties.solve().eventMillis() * 5);
        ticker.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(String regionId, int currentVersion) {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> subscriptions.remove(emitter));
        emitter.onError(e -> subscriptions.remove(emitter));
        emitter.onTimeout(() -> subscriptions.remove(emitter));
        subscriptions.put(emitter, new Subscription(regionId, currentVersion));
        return emitter;
    }

    /** A version was just added to the region's live plan here: tell its subscribers now. */
    void changed(String regionId) {
        ticker.execute(() -> send(regionId));
    }

    private void tick() {
        subscriptions.values().stream().map(s -> s.regionId).distinct().forEach(this::send);
    }

    private void send(String regionId) {
        try {
            LiveVersion latest = live.head(regionId);
            subscriptions.forEach((emitter, subscription) -> {
                if (!subscription.regionId.equals(regionId) || subscription.sent >= latest.number()) {
                    return;
                }
                try {
                    emitter.send(SseEmitter.event().name("version").data(new Event(regionId, latest.number(),
                            latest.kind(), latest.actor(), latest.reason())));
                    subscription.sent = latest.number();
                } catch (IOException | IllegalStateException gone) {
                    subscriptions.remove(emitter);
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("Live events of {} not sent: {}", regionId, e.toString());
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown, which would otherwise wait for these never-ending
     * requests until its timeout.
     */
    @Override
    public void stop() {
        running = false;
        subscriptions.keySet().forEach(SseEmitter::complete);
        subscriptions.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped first: before the web server (whose graceful shutdown phase is lower). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @PreDestroy
    void shutdown() {
        ticker.shutdownNow();
        subscriptions.keySet().forEach(SseEmitter::complete);
    }
}
