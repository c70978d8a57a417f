package org.fieldplan.api.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.jobs.JobSubmission;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.data.generator.RegionGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * When {@code fieldplan.demo.enabled} (the default), stores the generated demo region as region {@value #REGION_ID}
 * (unless the store already has it, e.g. a PostGIS kept from an earlier run) and submits a job solving its whole
 * weekend for a few seconds, so a plan is there to read right after startup. It runs once every bean is made and
 * before the web server starts, so the first request the service answers already finds the demo job; once solved,
 * the plan is published as the region's live plan if the region has none yet (organizers and volunteers see live
 * plans only).
 */
@Component
@ConditionalOnProperty(name = "fieldplan.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoLoader implements SmartInitializingSingleton {

    public static final String REGION_ID = "demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final DataStores stores;
    private final JobService jobs;
    private final FieldPlanProperties.Demo demo;
    private volatile String jobId;
    private final LivePlans live;

    public DemoLoader(DataStores stores, JobService jobs, FieldPlanProperties properties, LivePlans live) {
        this.stores = stores;
        this.jobs = jobs;
        this.demo = properties.demo();
        this.live = live;
    }

    /** The demo job's id, once submitted. */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    @Override
    public void afterSingletonsInstantiated() {
        FieldPlanProblem generated = new RegionGenerator().generate(demo.size(), demo.seed());
        if (stores.regions().list().stream().noneMatch(region -> region.id().equals(REGION_ID))) {
            stores.regions().save(REGION_ID, generated);
        }
        LocalDate from = generated.timeSlots().stream().map(TimeSlot::getDay).min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate to = generated.timeSlots().stream().map(TimeSlot::getDay).max(Comparator.naturalOrder())
                .orElseThrow();
        ProblemQuery query = ProblemQuery.of(REGION_ID, from, to);
        FieldPlanProblem problem = stores.problemBuilder().build(query).problem();
        Job job = jobs.submit(new JobSubmission(problem, query, Duration.ofSeconds(demo.seconds())));
        jobId = job.getId();
        LOG.info("Demo region \"{}\" ({} precincts, {} volunteers, {} to {}): solving as job {}", REGION_ID,
                problem.precincts().size(), problem.volunteers().size(), from, to, job.getId());
        Thread publisher = new Thread(() -> publishWhenSolved(job.getId()), "demo-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }

    private void publishWhenSolved(String jobId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(demo.seconds() + 300L).toNanos();
        try {
            while (jobs.get(jobId).getStatus().isActive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            if (live.liveJobId(REGION_ID).isEmpty()) {
                live.publish(REGION_ID, jobId, new Caller(Role.STRATEGIST, null, "demo-loader", null, null));
                LOG.info("Demo job {} published as the live plan of region \"{}\"", jobId, REGION_ID);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("The demo plan was not published: {}", e.toString());
        }
    }
}
