package org.fieldplan.api.map;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fieldplan.api.cache.PlanRenderCache;
import org.fieldplan.api.cache.RenderedAnswer;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.Caller;
import org.fieldplan.data.live.LivePlanStore;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.plan.TravelFlows;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The map page's data that the other endpoints do not give: who is calling with which jobs, and every precinct of a
 * plan with its marginal vote value and coverage. Precinct figures are aggregates (no volunteer appears), so every
 * role may read them.
 */
@Service
public class MapService {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    /** What a rendered precinct layer depends on besides the plan. */
    private record LayerKey(String jobId, LocalDate date, String slotId) {
    }

    private final JobService jobs;
    private final MapProperties properties;
    private final PlanRenderCache rendered;
    private final ObjectMapper json;
    private final LivePlanStore livePlans;

    public MapService(JobService jobs, MapProperties properties, PlanRenderCache rendered, ObjectMapper json,
            LivePlanStore livePlans) {
        this.livePlans = livePlans;
        this.jobs = jobs;
        this.properties = properties;
        this.rendered = rendered;
        this.json = json;
    }

    /**
     * {@link #precincts} as GeoJSON, rendered once per plan, date and slot and served from the cache until the job's
     * plan changes: the precinct layer the sheets refer to by id.
     */
    public RenderedAnswer precinctLayer(Job job, LocalDate date, String slotId) {
        FieldPlan plan = job.requireBestPlan();
        return rendered.get(new LayerKey(job.getId(), date, slotId), plan, () -> {
            try {
                return RenderedAnswer.of(GEO_JSON, json.writeValueAsBytes(precincts(job, date, slotId)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write the precinct layer of job " + job.getId(), e);
            }
        });
    }

    /**
     * The caller, the base map and the jobs the caller may open: an organizer sees only jobs with a plan that has
     * some of their own volunteers, so other campaigns' job names stay hidden.
     */
    public MapContext context(Caller caller) {
        // Live plans first; organizers see nothing else, so a what-if solve never reaches their screen.
        Map<String, String> liveRegionByJob = new HashMap<>();
        livePlans.liveJobIds().forEach((region, jobId) -> liveRegionByJob.put(jobId, region));
        List<MapContext.JobEntry> entries = jobs.all().stream()
                .filter(job -> !caller.isOrganizer()
                        || liveRegionByJob.containsKey(job.getId()) && hasOwnVolunteers(job, caller))
                .sorted(Comparator.comparing((Job job) -> !liveRegionByJob.containsKey(job.getId()))
                        .thenComparing(Comparator.comparing(Job::getCreatedAt).reversed()))
                .map(job -> new MapContext.JobEntry(job.getId(), job.getSubmission().problem().name(),
                        job.getStatus(), job.getCreatedAt(), job.getBestPlan() != null,
                        liveRegionByJob.get(job.getId()),
                        job.getSource() == null ? null : job.getSource().regionId()))
                .toList();
        MapContext.Tiles tiles = properties.hasTiles()
                ? new MapContext.Tiles(properties.tileUrl(), properties.tileAttribution())
                : null;
        return new MapContext(caller.role(), caller.organizerId(), tiles, entries);
    }

    private static boolean hasOwnVolunteers(Job job, Caller caller) {
        FieldPlan plan = job.getBestPlan();
        return plan != null && plan.getVolunteers().stream().anyMatch(caller::maySee);
    }

    /**
     * Every precinct of the job's best plan, shift counts limited to a day or a slot.
     *
     * @param date only shifts on this local date; null for every day
     * @param slotId only shifts in this slot; null for every slot (of {@code date})
     * @throws ApiException 400 for a slot the plan does not have or that is not on {@code date}, 409 before the job
     *     has a plan
     */
    public PrecinctLayer precincts(Job job, LocalDate date, String slotId) {
        FieldPlan plan = job.requireBestPlan();
        TimeSlot slot = slotId == null ? null : findSlot(plan, slotId, date);
        List<TimeSlot> inScope = plan.getTimeSlots().stream()
                .filter(s -> slot == null ? date == null || s.getDay().equals(date) : s == slot)
                .toList();
        Map<Precinct, Double> sumLog = new HashMap<>();
        Map<Precinct, Map<String, Integer>> perSlot = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            Precinct precinct = shift.getPrecinct();
            if (precinct == null) {
                continue;
            }
            sumLog.merge(precinct, shift.getLogUncoveredShare(), Double::sum);
            if (inScope.contains(shift.getSlot())) {
                perSlot.computeIfAbsent(precinct, p -> new TreeMap<>()).merge(shift.getSlot().getId(), 1,
                        Integer::sum);
            }
        }
        double standardHours = plan.getVoteModel().standardShiftHours();
        List<PrecinctLayer.Feature> features = plan.getPrecincts().stream()
                .filter(precinct -> precinct.getGeometry() != null)
                .map(precinct -> new PrecinctLayer.Feature(precinct.getGeometry(),
                        values(precinct, sumLog.getOrDefault(precinct, 0.0),
                                perSlot.getOrDefault(precinct, Map.of()), inScope.size(), standardHours)))
                .toList();
        List<PrecinctLayer.Slot> slots = plan.getTimeSlots().stream()
                .sorted(Comparator.comparing(TimeSlot::getStart))
                .map(s -> new PrecinctLayer.Slot(s.getId(), s.getDay(), s.getStart(), s.getEnd()))
                .toList();
        return new PrecinctLayer(job.getId(), plan.getTimeZone(), date, slotId, slots, features);
    }

    /** The most flows a layer lists: enough for a state at the default cell size, few enough for a phone. */
    static final int MAX_FLOWS = 500;

    /**
     * Where the job's best plan moves the volunteers the caller may see, from home cells to target cells of
     * {@code cellKm}.
     *
     * @throws ApiException 400 when {@code cellKm} is not between 1 and 200, 409 before the job has a plan
     */
    public FlowLayer flows(Job job, Caller caller, double cellKm) {
        if (!(cellKm >= 1 && cellKm <= 200)) {
            throw ApiException.invalid("cellKm", "must be between 1 and 200 (km), not " + cellKm);
        }
        FieldPlan plan = job.requireBestPlan();
        return FlowLayer.of(job.getId(), TravelFlows.of(plan, cellKm, caller::maySee, MAX_FLOWS));
    }

    private static TimeSlot findSlot(FieldPlan plan, String slotId, LocalDate date) {
        TimeSlot slot = plan.getTimeSlots().stream().filter(s -> s.getId().equals(slotId)).findFirst()
                .orElseThrow(() -> ApiException.invalid("slot", "the plan has no slot \"" + slotId + "\""));
        if (date != null && !slot.getDay().equals(date)) {
            throw ApiException.invalid("slot", "slot \"" + slotId + "\" is on " + slot.getDay() + ", not " + date);
        }
        return slot;
    }

    private static PrecinctLayer.Values values(Precinct precinct, double sumLogUncovered,
            Map<String, Integer> shiftsPerSlot, int slotsInScope, double standardHours) {
        double expected = precinct.expectedVotes(sumLogUncovered);
        double withOneMore = precinct.expectedVotes(sumLogUncovered + precinct.logUncoveredShare(1.0, standardHours));
        int shifts = shiftsPerSlot.values().stream().mapToInt(Integer::intValue).sum();
        int useful = precinct.isWorthCanvassing() ? precinct.getCapacityPerSlot() * slotsInScope : 0;
        return new PrecinctLayer.Values(precinct.getId(), precinct.getName(), precinct.getRegisteredVoters(),
                precinct.getExpectedTurnout(), precinct.getSupportShare(), precinct.getPivotality(),
                precinct.getRemainingDoors(), precinct.getFullCoverageVotes(), expected, withOneMore - expected,
                shifts, useful, shiftsPerSlot);
    }
}
