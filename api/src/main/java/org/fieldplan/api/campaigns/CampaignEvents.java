package org.fieldplan.api.campaigns;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fieldplan.api.config.FieldPlanProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;

/**
 * Streams a campaign's progress as server-sent events, read from the shared records like {@code GET} (so any
 * instance streams any campaign): every second (or {@code fieldplan.solve.event-millis}, if longer) a
 * {@code progress} event with the campaign's view if it changed since the last one; once every region has ended (and, with {@code publish}, has been
 * published or failed to be), a final {@code end} event closes the stream.
 */
@Component
public class CampaignEvents {

    private static final class Subscription {
        final String campaignId;
        CampaignView sent;

        Subscription(String campaignId) {
            this.campaignId = campaignId;
        }
    }

    private final CampaignService campaigns;
    private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "campaign-events");
        thread.setDaemon(true);
        return thread;
    });

    public CampaignEvents(CampaignService campaigns, FieldPlanProperties properties) {
        this.campaigns = campaigns;
        // Campaigns move slowly (seconds per region): at most one look a second.
        long period = Math.max(1_000, properties.solve().eventMillis());
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** @throws org.fieldplan.api.errors.ApiException 404 when there is no such campaign */
    public SseEmitter subscribe(String campaignId) {
        campaigns.get(campaignId);
        // No server-side timeout: the stream ends with the campaign, or when the client goes away.
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> subscriptions.remove(emitter));
        emitter.onError(e -> subscriptions.remove(emitter));
        subscriptions.put(emitter, new Subscription(campaignId));
        return emitter;
    }

    private void tick() {
        subscriptions.forEach((emitter, subscription) -> {
            try {
                CampaignView view = campaigns.get(subscription.campaignId);
                if (!view.equals(subscription.sent)) {
                    subscription.sent = view;
                    emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
                }
                if (ended(view)) {
                    emitter.send(SseEmitter.event().name("end").data(view, MediaType.APPLICATION_JSON));
                    subscriptions.remove(emitter);
                    emitter.complete();
                }
            } catch (IOException | RuntimeException e) {
                // The client went away, or the campaign cannot be read now: forget the stream (the client can
                // subscribe again).
                subscriptions.remove(emitter);
                emitter.completeWithError(e);
            }
        });
    }

    private static boolean ended(CampaignView view) {
        return !view.status().isActive() && view.regions().stream().noneMatch(region -> region.publication()
                == Campaign.Publication.PENDING || region.publication() == Campaign.Publication.PUBLISHING);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
