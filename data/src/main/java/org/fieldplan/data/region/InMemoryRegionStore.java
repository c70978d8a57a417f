package org.fieldplan.data.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.Geometries;
import org.fieldplan.data.StoreException;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.io.ProblemJson;
import org.locationtech.jts.geom.Geometry;

/**
 * {@link RegionStore} in the JVM heap: the embedded default when no database is configured. Applies the same checks
 * the PostGIS schema enforces, so both stores accept and reject the same regions. Thread-safe.
 */
public final class InMemoryRegionStore implements RegionStore {

    private record StoredRegion(FieldPlanProblem problem, Map<String, Map<String, Object>> electionAttributes,
            Map<String, String> phones, CampaignCalendar calendar, List<StagingLocation> staging) {

        StoredRegion withStaging(List<StagingLocation> locations) {
            return new StoredRegion(problem, electionAttributes, phones, calendar, List.copyOf(locations));
        }
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
                problem.volunteers().stream().map(InMemoryRegionStore::copy).toList(), copy(problem.weights()),
                List.of());
        checkNewStaging(regionId, List.of(), problem.stagingLocations());
        regions.put(regionId, new StoredRegion(stored, attributes, Map.of(), null,
                List.copyOf(problem.stagingLocations())));
    }

    @Override
    public synchronized void addVolunteers(String regionId, List<Volunteer> volunteers, Map<String, String> phones) {
        StoredRegion region = regions.get(regionId);
        if (region == null) {
            throw new StoreException("unknown region " + regionId);
        }
        FieldPlanProblem old = region.problem();
        List<Volunteer> all = new ArrayList<>(old.volunteers());
        volunteers.stream().map(InMemoryRegionStore::copy).forEach(all::add);
        checkVolunteers(all);
        Map<String, String> allPhones = new HashMap<>(region.phones());
        volunteers.forEach(v -> {
            if (phones.get(v.getId()) != null) {
                allPhones.put(v.getId(), phones.get(v.getId()));
            }
        });
        regions.put(regionId, new StoredRegion(new FieldPlanProblem(old.name(), old.timeZone(), old.voteModel(),
                old.travel(), old.districts(), old.timeSlots(), old.precincts(), all, old.weights(), List.of()),
                region.electionAttributes(), allPhones, region.calendar(), region.staging()));
    }

    @Override
    public synchronized void replaceCalendar(String regionId, CampaignCalendar calendar) {
        StoredRegion region = regions.get(regionId);
        if (region == null) {
            throw new StoreException("unknown region " + regionId);
        }
        List<TimeSlot> slots = calendar.slots();
        checkSlots(slots);
        FieldPlanProblem old = region.problem();
        regions.put(regionId, new StoredRegion(new FieldPlanProblem(old.name(), calendar.timeZone().getId(),
                old.voteModel(), old.travel(), old.districts(), slots, old.precincts(), old.volunteers(),
                old.weights(), List.of()), region.electionAttributes(), region.phones(), calendar, region.staging()));
    }

    @Override
    public synchronized RegionCalendar calendar(String regionId) {
        StoredRegion region = stored(regionId);
        return new RegionCalendar(region.problem().timeZone(), region.problem().timeSlots(),
                Optional.ofNullable(region.calendar()));
    }

    @Override
    public synchronized Optional<String> phone(String regionId, String volunteerId) {
        StoredRegion region = regions.get(regionId);
        return region == null ? Optional.empty() : Optional.ofNullable(region.phones().get(volunteerId));
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
                stored.districts(), slots, precincts, volunteers, copy(stored.weights()), List.of(), Map.of(),
                stored(query.regionId()).staging());
    }

    @Override
    public synchronized Optional<Map<String, Object>> electionAttributes(String regionId, String precinctId) {
        StoredRegion region = regions.get(regionId);
        return region == null ? Optional.empty() : Optional.ofNullable(region.electionAttributes().get(precinctId));
    }

    @Override
    public synchronized List<StagingLocation> stagingLocations(String regionId) {
        return stored(regionId).staging();
    }

    @Override
    public synchronized void addStagingLocations(String regionId, List<StagingLocation> locations) {
        StoredRegion region = stored(regionId);
        checkNewStaging(regionId, region.staging(), locations);
        List<StagingLocation> all = new ArrayList<>(region.staging());
        all.addAll(locations);
        regions.put(regionId, region.withStaging(all));
    }

    @Override
    public synchronized boolean updateStagingLocation(String regionId, StagingLocation location) {
        StoredRegion region = stored(regionId);
        List<StagingLocation> all = new ArrayList<>(region.staging());
        int index = all.indexOf(location);
        if (index < 0) {
            return false;
        }
        all.set(index, location);
        regions.put(regionId, region.withStaging(all));
        return true;
    }

    @Override
    public synchronized boolean removeStagingLocation(String regionId, String locationId) {
        StoredRegion region = stored(regionId);
        List<StagingLocation> all = new ArrayList<>(region.staging());
        boolean removed = all.removeIf(s -> s.id().equals(locationId));
        regions.put(regionId, region.withStaging(all));
        return removed;
    }

    /** As the primary key on PostGIS: a staging location's id is unique within its region. */
    private static void checkNewStaging(String regionId, List<StagingLocation> existing,
            List<StagingLocation> added) {
        Set<String> ids = new HashSet<>();
        existing.forEach(s -> ids.add(s.id()));
        for (StagingLocation location : added) {
            if (!ids.add(location.id())) {
                throw new TakenIdException("region " + regionId + " already has staging location " + location.id());
            }
        }
    }

    /** The ids the region holds, for checking what plans refer to. */
    public synchronized RegionKeys keys(String regionId) {
        return RegionKeys.of(stored(regionId).problem());
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
        checkSlots(problem.timeSlots());
        checkVolunteers(problem.volunteers());
    }

    private static void checkSlots(List<TimeSlot> slots) {
        unique("time slot", slots, TimeSlot::getId);
        for (TimeSlot slot : slots) {
            if (!slot.getEnd().isAfter(slot.getStart())) {
                throw new StoreException("time slot " + slot.getId() + " does not end after it starts");
            }
        }
    }

    private static void checkVolunteers(List<Volunteer> volunteers) {
        unique("volunteer", volunteers, Volunteer::getId);
        for (Volunteer volunteer : volunteers) {
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

    /** Weights are mutable beans: the store keeps and hands out its own copies. */
    private static FieldPlanWeights copy(FieldPlanWeights weights) {
        return ProblemJson.weightsFromJson(ProblemJson.weightsToJson(weights));
    }

    private static Volunteer copy(Volunteer v) {
        return new Volunteer(v.getId(), v.getName(), v.getHome(), v.getSkills(), v.getLanguages(), v.getTravelMode(),
                v.getMaxTravelMinutes(), v.getAvailability(), v.getMaxShifts(), v.getMaxShiftsPerDay(),
                v.getOrganizerId(), v.getAttendanceProbability(), v.getPreferredPrecinctIds(),
                v.getDeploymentOffers(), v.getCarpool());
    }
}
