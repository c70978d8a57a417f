package org.fieldplan.data.region;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.fieldplan.data.Geometries;
import org.fieldplan.data.StoreException;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.geom.Geometry;

/**
 * {@link RegionStore} in the JVM heap: the embedded default when no database is configured. Applies the same checks
 * the PostGIS schema enforces, so both stores accept and reject the same regions. Thread-safe.
 */
public final class InMemoryRegionStore implements RegionStore {

    private record StoredRegion(FieldPlanProblem problem, Map<String, Map<String, Object>> electionAttributes) {
    }

    private final Map<String, StoredRegion> regions = new HashMap<>();

    @Override
    public synchronized void save(String regionId, FieldPlanProblem problem,
            Map<String, Map<String, Object>> electionAttributes) {
        if (regions.containsKey(regionId)) {
            throw new StoreException("region " + regionId + " already exists");
        }
        check(problem);
        List<Precinct> precincts = problem.precincts().stream()
                .map(p -> copy(p, Geometries.turf(p))).toList();
        Map<String, Map<String, Object>> attributes = new HashMap<>();
        electionAttributes.forEach((id, values) -> attributes.put(id, JsonAttributes.normalize(values)));
        FieldPlanProblem stored = new FieldPlanProblem(problem.name(), problem.timeZone(), problem.voteModel(),
                problem.travel(), problem.districts(), problem.timeSlots(), precincts,
                problem.volunteers().stream().map(InMemoryRegionStore::copy).toList(), null,
                List.of());
        regions.put(regionId, new StoredRegion(stored, attributes));
    }

    @Override
    public synchronized List<RegionSummary> list() {
        return regions.entrySet().stream()
                .map(e -> summary(e.getKey(), e.getValue().problem()))
                .sorted(Comparator.comparing(RegionSummary::id))
                .toList();
    }

    @Override
    public synchronized FieldPlanProblem load(ProblemQuery query) {
        FieldPlanProblem stored = stored(query.regionId()).problem();
        List<TimeSlot> slots = stored.timeSlots().stream().filter(s -> query.coversDay(s.getDay())).toList();
        List<Precinct> precincts = stored.precincts().stream().map(p -> copy(p, p.getGeometry())).toList();
        List<Volunteer> volunteers = stored.volunteers().stream()
                .filter(v -> query.includesOrganizer(v.getOrganizerId()))
                .map(InMemoryRegionStore::copy)
                .toList();
        return new FieldPlanProblem(stored.name(), stored.timeZone(), stored.voteModel(), stored.travel(),
                stored.districts(), slots, precincts, volunteers, null, List.of());
    }

    @Override
    public synchronized Optional<Map<String, Object>> electionAttributes(String regionId, String precinctId) {
        StoredRegion region = regions.get(regionId);
        return region == null ? Optional.empty() : Optional.ofNullable(region.electionAttributes().get(precinctId));
    }

    /** The ids the region holds, for checking what plans refer to. */
    public synchronized RegionKeys keys(String regionId) {
        FieldPlanProblem stored = stored(regionId).problem();
        return new RegionKeys(ids(stored.volunteers(), Volunteer::getId), ids(stored.timeSlots(), TimeSlot::getId),
                ids(stored.precincts(), Precinct::getId));
    }

    private StoredRegion stored(String regionId) {
        StoredRegion region = regions.get(regionId);
        if (region == null) {
            throw new NoSuchElementException("unknown region " + regionId);
        }
        return region;
    }

    /** The checks the schema's keys and constraints make in PostGIS. */
    private static void check(FieldPlanProblem problem) {
        unique("district", problem.districts(), d -> d.id());
        unique("precinct", problem.precincts(), Precinct::getId);
        unique("volunteer", problem.volunteers(), Volunteer::getId);
        unique("time slot", problem.timeSlots(), TimeSlot::getId);
        for (TimeSlot slot : problem.timeSlots()) {
            if (!slot.getEnd().isAfter(slot.getStart())) {
                throw new StoreException("time slot " + slot.getId() + " does not end after it starts");
            }
        }
        for (Volunteer volunteer : problem.volunteers()) {
            for (AvailabilityWindow window : volunteer.getAvailability()) {
                if (window.end().isBefore(window.start())) {
                    throw new StoreException("volunteer " + volunteer.getId() + ": availability ends before it starts");
                }
            }
        }
    }

    private static <T> void unique(String kind, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(id.apply(item))) {
                throw new StoreException("duplicate " + kind + " id " + id.apply(item));
            }
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    private static RegionSummary summary(String id, FieldPlanProblem problem) {
        return new RegionSummary(id, problem.name(), problem.precincts().size(), problem.volunteers().size(),
                problem.timeSlots().size());
    }

    private static Precinct copy(Precinct p, Geometry geometry) {
        return new Precinct(p.getId(), p.getName(), geometry, p.getRegisteredVoters(), p.getExpectedTurnout(),
                p.getSupportShare(), p.getDistrictIds(), p.getStatedPivotality(), p.getStatedTargetDoors(),
                p.getRequiredLanguages(), p.getRequiredSkills(), p.getStatedCapacityPerSlot(),
                p.getStatedDoorsPerHour(), p.getDoorsAlreadyKnocked());
    }

    private static Volunteer copy(Volunteer v) {
        return new Volunteer(v.getId(), v.getName(), v.getHome(), v.getSkills(), v.getLanguages(), v.getTravelMode(),
                v.getMaxTravelMinutes(), v.getAvailability(), v.getMaxShifts(), v.getMaxShiftsPerDay(),
                v.getOrganizerId(), v.getAttendanceProbability(), v.getPreferredPrecinctIds());
    }
}
