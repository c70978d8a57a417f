package org.fieldplan.api.replan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The news each job has taken on this instance (a cancelled volunteer-slot, a report's counts), so that the same news
 * sent again, at once or later, is answered as a duplicate without a second effect or repair. Taking is atomic:
 * of identical requests racing, exactly one takes the news. Only the {@value #JOBS_REMEMBERED} jobs that took news
 * most recently are remembered: news reaches a region's live job, and a job that many newer ones have taken news
 * since has long been superseded, so the ledger does not grow with the life of the process.
 */
@Component
class NewsLedger {

    static final int JOBS_REMEMBERED = 256;

    private final Map<String, Map<String, String>> byJob = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
                    return size() > JOBS_REMEMBERED;
                }
            });

    /** Takes the news: false if this very news (same key, same content) was taken already. */
    boolean take(String jobId, String key, String content) {
        return !content.equals(news(jobId).put(key, content));
    }

    boolean has(String jobId, String key, String content) {
        return content.equals(news(jobId).get(key));
    }

    /** Forgets news that was taken but then refused, so that it can be sent again. */
    void forget(String jobId, String key, String content) {
        news(jobId).remove(key, content);
    }

    private Map<String, String> news(String jobId) {
        return byJob.computeIfAbsent(jobId, id -> new ConcurrentHashMap<>());
    }
}
