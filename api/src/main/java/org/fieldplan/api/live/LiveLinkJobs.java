package org.fieldplan.api.live;

import java.util.Optional;

import org.fieldplan.api.volunteers.LinkJobs;
import org.fieldplan.data.live.LivePlanStore;
import org.springframework.stereotype.Component;

/** Links made on a region's live plan open the region's live plan of now (one store read per request, no cache). */
@Component
class LiveLinkJobs implements LinkJobs {

    private final LivePlanStore store;

    LiveLinkJobs(LivePlanStore store) {
        this.store = store;
    }

    @Override
    public String currentJob(String jobId) {
        return store.regionOfJob(jobId).flatMap(store::liveJobId).orElse(jobId);
    }

    @Override
    public Optional<String> regionOf(String jobId) {
        return store.regionOfJob(jobId);
    }
}
