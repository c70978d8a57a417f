package org.fieldplan.api.jobs;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.plan.PlanSummary;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;

/**
 * Streams best-score improvements to subscribers as server-sent events. Throttled by polling: every
 * {@code fieldplan.solve.event-millis} each subscriber gets at most one {@code best} event if its job changed since
 * the last one, so a solver finding hundreds of improvements a second never floods a client; when the job has ended,
 * a final {@code end} event closes the stream.
 */
@Component
public class JobEvents {

    /** What a {@code best} or {@code end} event carries. */
    public record Progress(String jobId, JobStatus status, String score, Double expectedNetVotes,
            Double greedyExpectedNetVotes, PartsProgress parts) {

        static Progress of(Job job) {
            PlanSummary best = job.getBestSummary();
            PlanSummary greedy = job.getGreedyBaseline();
            return new Progress(job.getId(), job.getStatus(), best == null ? null : best.score(),
                    best == null ? null : best.expectedNetVotes(), greedy == null ? null : greedy.expectedNetVotes(),
                    PartsProgress.of(job.getParts()));
        }
    }

    private static final class Subscription {
        final Job job;
        long sentVersion = -1;

        Subscription(Job job) {
            this.job = job;
        }
    }

    private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-events");
        thread.setDaemon(true);
        return thread;
    });

    public JobEvents(FieldPlanProperties properties) {
        long period = properties.solve().eventMillis();
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    public SseEmitter subscribe(Job job) {
        // No server-side timeout: the stream ends with the job, or when the client goes away.
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> subscriptions.remove(emitter));
        emitter.onError(e -> subscriptions.remove(emitter));
        subscriptions.put(emitter, new Subscription(job));
        return emitter;
    }

    private void tick() {
        subscriptions.forEach((emitter, subscription) -> {
            Job job = subscription.job;
            long version = job.getVersion();
            boolean ended = !job.getStatus().isActive();
            try {
                if (version != subscription.sentVersion) {
                    subscription.sentVersion = version;
                    emitter.send(SseEmitter.event().name("best").data(Progress.of(job), MediaType.APPLICATION_JSON));
                }
                if (ended) {
                    emitter.send(SseEmitter.event().name("end").data(Progress.of(job), MediaType.APPLICATION_JSON));
                    subscriptions.remove(emitter);
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away: forget it.
                subscriptions.remove(emitter);
            }
        });
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
