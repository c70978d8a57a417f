package org.fieldplan.api.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobStatus;
import org.fieldplan.plan.PlanSummary;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A campaign as {@code GET /api/campaigns/{id}} shows it: each region's job and its progress, and the totals, which
 * are the sums of the regions' figures (a region without a plan yet counts zero).
 *
 * @param status QUEUED while every region waits, SOLVING while any is queued or solving, then SOLVED when every
 *     region is, else FAILED (a region failed) or TERMINATED (a region was stopped early)
 */
public record CampaignView(String id, String name, JobStatus status, Instant createdAt, long solveSeconds,
        boolean publish, Totals totals, List<RegionProgress> regions) {

    /**
     * One region's job.
     *
     * @param percentDone 0 while queued, the share of its solve time passed while solving (at most 99), 100 once ended
     * @param score the best plan's score, or null before the first
     * @param publication NONE (not asked), PENDING, PUBLISHING, PUBLISHED ({@code liveVersion}) or FAILED
     */
    public record RegionProgress(String regionId, String jobId, JobStatus status, String owner, int takeovers,
            int percentDone, String score, double expectedNetVotes, int assignedShifts, int offeredShifts,
            int volunteersAssigned, int precinctsCovered, Double gainOverGreedy, Campaign.Publication publication,
            Integer liveVersion, String publishError) {
    }

    /**
     * Sums over the regions, and how many are in each status.
     *
     * @param percentDone the regions' mean percent done (each region has the campaign's solve time)
     * @param score the sum of the regions' scores (hard, medium and soft levels added)
     */
    public record Totals(int regions, Map<JobStatus, Integer> byStatus, int percentDone, String score,
            double expectedNetVotes, long assignedShifts, long offeredShifts, long volunteersAssigned,
            long precinctsCovered, int takeovers, int published) {
    }

    static CampaignView of(Campaign campaign, List<Job> jobs, Instant now) {
        List<RegionProgress> regions = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            regions.add(progress(campaign.regions().get(i), jobs.get(i), now));
        }
        return new CampaignView(campaign.id(), campaign.name(), status(regions), campaign.createdAt(),
                campaign.solveSeconds(), campaign.publish(), totals(regions), regions);
    }

    private static RegionProgress progress(Campaign.Region region, Job job, Instant now) {
        PlanSummary best = job.getBestSummary();
        PlanSummary greedy = job.getGreedyBaseline();
        return new RegionProgress(region.regionId(), job.getId(), job.getStatus(), job.getOwner(),
                job.getTakeovers(), percentDone(job, now), best == null ? null : best.score(),
                best == null ? 0 : best.expectedNetVotes(), best == null ? 0 : best.assignedShifts(),
                best == null ? 0 : best.offeredShifts(), best == null ? 0 : best.volunteersAssigned(),
                best == null ? 0 : best.precinctsCovered(),
                best == null || greedy == null ? null : best.expectedNetVotes() - greedy.expectedNetVotes(),
                region.publication(), region.liveVersion(), region.publishError());
    }

    static int percentDone(Job job, Instant now) {
        if (!job.getStatus().isActive()) {
            return 100;
        }
        if (job.getStatus() == JobStatus.QUEUED || job.getStartedAt() == null) {
            return 0;
        }
        long total = Math.max(1, job.getSolveTime().toMillis());
        long passed = Math.max(0, Duration.between(job.getStartedAt(), now).toMillis());
        return (int) Math.min(99, passed * 100 / total);
    }

    static JobStatus status(List<RegionProgress> regions) {
        if (regions.stream().allMatch(r -> r.status() == JobStatus.QUEUED)) {
            return JobStatus.QUEUED;
        }
        if (regions.stream().anyMatch(r -> r.status().isActive())) {
            return JobStatus.SOLVING;
        }
        if (regions.stream().anyMatch(r -> r.status() == JobStatus.FAILED)) {
            return JobStatus.FAILED;
        }
        return regions.stream().anyMatch(r -> r.status() == JobStatus.TERMINATED) ? JobStatus.TERMINATED
                : JobStatus.SOLVED;
    }

    static Totals totals(List<RegionProgress> regions) {
        Map<JobStatus, Integer> byStatus = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            byStatus.put(status, (int) regions.stream().filter(r -> r.status() == status).count());
        }
        HardMediumSoftLongScore score = HardMediumSoftLongScore.ZERO;
        for (RegionProgress region : regions) {
            if (region.score() != null) {
                score = score.add(HardMediumSoftLongScore.parseScore(region.score()));
            }
        }
        return new Totals(regions.size(), byStatus,
                (int) regions.stream().mapToInt(RegionProgress::percentDone).average().orElse(100),
                score.toString(), regions.stream().mapToDouble(RegionProgress::expectedNetVotes).sum(),
                regions.stream().mapToLong(RegionProgress::assignedShifts).sum(),
                regions.stream().mapToLong(RegionProgress::offeredShifts).sum(),
                regions.stream().mapToLong(RegionProgress::volunteersAssigned).sum(),
                regions.stream().mapToLong(RegionProgress::precinctsCovered).sum(),
                regions.stream().mapToInt(RegionProgress::takeovers).sum(),
                (int) regions.stream().filter(r -> r.publication() == Campaign.Publication.PUBLISHED).count());
    }
}
