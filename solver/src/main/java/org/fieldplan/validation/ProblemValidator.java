package org.fieldplan.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.VoteModelParameters;

/**
 * Checks a stated {@link FieldPlanProblem} before it is prepared and solved, and reports every error at once
 * rather than the first, so an author can fix an input in one pass.
 *
 * <p>Rules: name and time zone present (the zone a valid IANA id); at least one time slot and one precinct; ids
 * (also organizer and district ids) in the {@link IdAlphabet} and unique among districts, slots, precincts and
 * volunteers; every slot and availability window ends after it
 * starts; a slot lasts at most {@link #MAX_SLOT_HOURS} hours and no two slots overlap (each volunteer has one shift
 * per slot, so overlapping slots would book one person twice at once: an input mistake, refused here rather than
 * scored by a hard constraint on every move); precinct geometries valid non-empty (Multi)Polygons and volunteer homes points, all within WGS84
 * longitude/latitude range; counts (voters, doors, capacities, shift and travel limits) not negative; shares and
 * probabilities within [0, 1]; model rates positive; assignments and preferred precincts refer to known ids, at
 * most one assignment per volunteer and slot; staging locations with unique ids, a point, teams per slot not negative
 * and hours that close after they open; deployment offers with a limit not negative, at least one slot and one offer
 * per date.
 */
public final class ProblemValidator {

    /** The longest time slot a problem may have: a long canvassing day. */
    public static final int MAX_SLOT_HOURS = 12;

    private final List<ValidationError> errors = new ArrayList<>();

    private ProblemValidator() {
    }

    /** All errors of the problem, in document order; empty when it is valid. */
    public static List<ValidationError> validate(FieldPlanProblem problem) {
        ProblemValidator validator = new ProblemValidator();
        validator.check(problem);
        return List.copyOf(validator.errors);
    }

    /** Returns the problem if it is valid. @throws ProblemValidationException listing every error otherwise */
    public static FieldPlanProblem requireValid(FieldPlanProblem problem) {
        List<ValidationError> errors = validate(problem);
        if (!errors.isEmpty()) {
            throw new ProblemValidationException(errors);
        }
        return problem;
    }

    /**
     * The errors of one volunteer joining a problem whose precincts have the given ids, by the same rules as a
     * volunteer in a whole problem; paths are relative to the volunteer object ({@code home},
     * {@code availability[0].end}).
     */
    public static List<ValidationError> validateVolunteer(Volunteer volunteer, Set<String> precinctIds) {
        ProblemValidator validator = new ProblemValidator();
        validator.checkVolunteer("", volunteer, precinctIds);
        return List.copyOf(validator.errors);
    }

    /**
     * The errors of one staging location by the rules of a whole problem's; paths are relative to the location
     * object ({@code point}, {@code hours[0].close}).
     */
    public static List<ValidationError> validateStagingLocation(StagingLocation staging) {
        ProblemValidator validator = new ProblemValidator();
        validator.checkStaging("", staging);
        return List.copyOf(validator.errors);
    }

    private void check(FieldPlanProblem problem) {
        if (problem.name() == null || problem.name().isBlank()) {
            error("name", "is missing");
        }
        checkTimeZone(problem.timeZone());
        checkVoteModel(problem.voteModel());
        checkTravel(problem.travel());
        uniqueIds("districts", problem.districts(), District::id);
        Set<String> slotIds = uniqueIds("timeSlots", problem.timeSlots(), TimeSlot::getId);
        Set<String> precinctIds = uniqueIds("precincts", problem.precincts(), Precinct::getId);
        Set<String> volunteerIds = uniqueIds("volunteers", problem.volunteers(), Volunteer::getId);
        if (slotIds.isEmpty()) {
            error("timeSlots", "must list at least one slot");
        }
        if (precinctIds.isEmpty()) {
            error("precincts", "must list at least one precinct");
        }
        for (int i = 0; i < problem.districts().size(); i++) {
            District district = problem.districts().get(i);
            String path = ErrorPath.item("districts", i, district.id());
            id(path, "id", district.id());
            share(path, "expectedSupportShare", district.expectedSupportShare());
        }
        for (int i = 0; i < problem.timeSlots().size(); i++) {
            TimeSlot slot = problem.timeSlots().get(i);
            String path = ErrorPath.item("timeSlots", i, slot.getId());
            id(path, "id", slot.getId());
            period(path, slot.getStart(), slot.getEnd());
            if (slot.getHours() > MAX_SLOT_HOURS) {
                error(ErrorPath.field(path, "end"), "a slot may last at most " + MAX_SLOT_HOURS + " hours, this one "
                        + slot.getHours() + " (" + slot.getStart() + " to " + slot.getEnd() + ")");
            }
        }
        checkSlotsDoNotOverlap(problem.timeSlots());
        for (int i = 0; i < problem.precincts().size(); i++) {
            Precinct precinct = problem.precincts().get(i);
            checkPrecinct(ErrorPath.item("precincts", i, precinct.getId()), precinct);
        }
        for (int i = 0; i < problem.volunteers().size(); i++) {
            Volunteer volunteer = problem.volunteers().get(i);
            checkVolunteer(ErrorPath.item("volunteers", i, volunteer.getId()), volunteer, precinctIds);
        }
        checkAssignments(problem.assignments(), volunteerIds, slotIds, precinctIds);
        uniqueIds("stagingLocations", problem.stagingLocations(), StagingLocation::id);
        for (int i = 0; i < problem.stagingLocations().size(); i++) {
            StagingLocation staging = problem.stagingLocations().get(i);
            checkStaging(ErrorPath.item("stagingLocations", i, staging.id()), staging);
        }
    }

    private void checkStaging(String path, StagingLocation staging) {
        id(path, "id", staging.id());
        if (staging.point() == null) {
            error(ErrorPath.field(path, "point"), "is missing");
        } else {
            GeometryRules.homeProblem(staging.point()).ifPresent(problem -> error(ErrorPath.field(path, "point"),
                    problem));
        }
        notNegative(path, "teamsPerSlot", staging.teamsPerSlot());
        for (int i = 0; i < staging.hours().size(); i++) {
            OpeningHours hours = staging.hours().get(i);
            if (!hours.close().isAfter(hours.open())) {
                error(ErrorPath.field(ErrorPath.item(ErrorPath.field(path, "hours"), i, null), "close"),
                        "must be after open (" + hours.open() + ")");
            }
        }
    }

    private void checkDeploymentOffers(String path, Volunteer volunteer) {
        Set<LocalDate> dates = new HashSet<>();
        List<DeploymentOffer> offers = volunteer.getDeploymentOffers();
        for (int i = 0; i < offers.size(); i++) {
            String offerPath = ErrorPath.item(ErrorPath.field(path, "deploymentOffers"), i, null);
            DeploymentOffer offer = offers.get(i);
            notNegative(offerPath, "maxTravelMinutes", offer.maxTravelMinutes());
            if (offer.minSlots() < 1) {
                error(ErrorPath.field(offerPath, "minSlots"), "must be at least 1, was " + offer.minSlots());
            }
            if (!dates.add(offer.date())) {
                error(ErrorPath.field(offerPath, "date"), "a second offer for " + offer.date());
            }
        }
    }

    private void checkCarpool(String path, Volunteer volunteer) {
        notNegative(path, "seats", volunteer.getCarpool().seats());
        notNegative(path, "detourMinutes", volunteer.getCarpool().detourMinutes());
        if (volunteer.getCarpool().seats() > 0 && volunteer.getTravelMode() != TravelMode.CAR) {
            error(ErrorPath.field(path, "seats"), "only a volunteer who travels by CAR can offer seats, travelMode is "
                    + volunteer.getTravelMode());
        }
    }

    private void checkTimeZone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            error("timeZone", "is missing");
            return;
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            error("timeZone", "\"" + timeZone + "\" is not a time-zone id such as America/New_York");
        }
    }

    private void checkVoteModel(VoteModelParameters p) {
        share("voteModel", "contactRate", p.contactRate());
        share("voteModel", "votesPerContact", p.votesPerContact());
        positive("voteModel", "denseDoorsPerHour", p.denseDoorsPerHour());
        positive("voteModel", "suburbanDoorsPerHour", p.suburbanDoorsPerHour());
        positive("voteModel", "denseVotersPerKm2", p.denseVotersPerKm2());
        positive("voteModel", "suburbanVotersPerKm2", p.suburbanVotersPerKm2());
        positive("voteModel", "registeredVotersPerDoor", p.registeredVotersPerDoor());
        positive("voteModel", "pivotalitySigma", p.pivotalitySigma());
        positive("voteModel", "maxCanvassersPerSlot", p.maxCanvassersPerSlot());
        positive("voteModel", "standardShiftHours", p.standardShiftHours());
    }

    private void checkTravel(TravelParameters p) {
        if (!(p.roadDetourFactor() >= 1)) {
            error("travel.roadDetourFactor", "must be at least 1 (roads are never shorter than a straight line), was "
                    + p.roadDetourFactor());
        }
        positive("travel", "walkKmh", p.walkKmh());
        positive("travel", "bikeKmh", p.bikeKmh());
        positive("travel", "transitKmh", p.transitKmh());
        positive("travel", "carKmh", p.carKmh());
        positive("travel", "maxCandidatesPerVolunteer", p.maxCandidatesPerVolunteer());
    }

    private void checkPrecinct(String path, Precinct precinct) {
        id(path, "id", precinct.getId());
        precinct.getDistrictIds().forEach(district -> id(path, "districtIds", district));
        if (precinct.getGeometry() == null) {
            error(ErrorPath.field(path, "geometry"), "is missing");
        } else {
            GeometryRules.precinctProblem(precinct.getGeometry())
                    .ifPresent(problem -> error(ErrorPath.field(path, "geometry"), problem));
        }
        // districtIds are not checked against the stated districts: the vote model estimates the support share of
        // an unstated district from its precincts, so naming one is legitimate.
        notNegative(path, "registeredVoters", precinct.getRegisteredVoters());
        share(path, "expectedTurnout", precinct.getExpectedTurnout());
        share(path, "supportShare", precinct.getSupportShare());
        if (precinct.getStatedPivotality() != null) {
            share(path, "pivotality", precinct.getStatedPivotality());
        }
        if (precinct.getStatedTargetDoors() != null) {
            notNegative(path, "targetDoors", precinct.getStatedTargetDoors());
        }
        if (precinct.getStatedCapacityPerSlot() != null) {
            notNegative(path, "capacityPerSlot", precinct.getStatedCapacityPerSlot());
        }
        if (precinct.getStatedDoorsPerHour() != null) {
            positive(path, "doorsPerHour", precinct.getStatedDoorsPerHour());
        }
        notNegative(path, "doorsAlreadyKnocked", precinct.getDoorsAlreadyKnocked());
    }

    private void checkVolunteer(String path, Volunteer volunteer, Set<String> precinctIds) {
        id(path, "id", volunteer.getId());
        if (volunteer.getOrganizerId() != null) {
            id(path, "organizerId", volunteer.getOrganizerId());
        }
        if (volunteer.getHome() == null) {
            error(ErrorPath.field(path, "home"), "is missing");
        } else {
            GeometryRules.homeProblem(volunteer.getHome())
                    .ifPresent(problem -> error(ErrorPath.field(path, "home"), problem));
        }
        notNegative(path, "maxTravelMinutes", volunteer.getMaxTravelMinutes());
        notNegative(path, "maxShifts", volunteer.getMaxShifts());
        notNegative(path, "maxShiftsPerDay", volunteer.getMaxShiftsPerDay());
        share(path, "attendanceProbability", volunteer.getAttendanceProbability());
        List<AvailabilityWindow> windows = volunteer.getAvailability();
        for (int i = 0; i < windows.size(); i++) {
            period(ErrorPath.item(ErrorPath.field(path, "availability"), i, null), windows.get(i).start(),
                    windows.get(i).end());
        }
        checkDeploymentOffers(path, volunteer);
        checkCarpool(path, volunteer);
        volunteer.getPreferredPrecinctIds().stream().filter(id -> !precinctIds.contains(id)).sorted()
                .forEach(id -> error(ErrorPath.field(path, "preferredPrecinctIds"), "unknown precinct \"" + id + "\""));
    }

    private void checkAssignments(List<Assignment> assignments, Set<String> volunteerIds, Set<String> slotIds,
            Set<String> precinctIds) {
        Set<String> shifts = new HashSet<>();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment a = assignments.get(i);
            String path = ErrorPath.item("assignments", i, null);
            known(path, "volunteerId", "volunteer", a.volunteerId(), volunteerIds);
            known(path, "slotId", "time slot", a.slotId(), slotIds);
            known(path, "precinctId", "precinct", a.precinctId(), precinctIds);
            if (a.rideWith() != null) {
                known(path, "rideWith", "volunteer", a.rideWith(), volunteerIds);
                if (a.rideWith().equals(a.volunteerId())) {
                    error(ErrorPath.field(path, "rideWith"), "a volunteer cannot ride with themselves");
                }
            }
            if (!shifts.add(a.volunteerId() + "@" + a.slotId())) {
                error(path, "second assignment of volunteer \"" + a.volunteerId() + "\" in slot \"" + a.slotId()
                        + "\" (a volunteer canvasses one precinct per slot)");
            }
        }
    }

    /** The ids of the items, reporting each repeat; in document order. */
    private <T> Set<String> uniqueIds(String collection, List<T> items, Function<T, String> idOf) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String id = idOf.apply(items.get(i));
            if (!ids.add(id)) {
                error(ErrorPath.item(collection, i, id), "duplicate id (ids must be unique among " + collection + ")");
            }
        }
        return ids;
    }

    private void known(String path, String field, String kind, String id, Set<String> ids) {
        if (!ids.contains(id)) {
            error(ErrorPath.field(path, field), "unknown " + kind + " \"" + id + "\"");
        }
    }

    /** Sorted by start, each slot must start no earlier than the previous one ends (touching is fine). */
    private void checkSlotsDoNotOverlap(List<TimeSlot> slots) {
        List<Integer> byStart = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            byStart.add(i);
        }
        byStart.sort(Comparator.comparing(i -> slots.get(i).getStart()));
        for (int k = 1; k < byStart.size(); k++) {
            TimeSlot earlier = slots.get(byStart.get(k - 1));
            int index = byStart.get(k);
            TimeSlot slot = slots.get(index);
            if (slot.getStart().isBefore(earlier.getEnd()) && earlier.getEnd().isAfter(earlier.getStart())) {
                error(ErrorPath.field(ErrorPath.item("timeSlots", index, slot.getId()), "start"), "overlaps slot \""
                        + earlier.getId() + "\" (" + earlier.getStart() + " to " + earlier.getEnd()
                        + "): slots may not overlap, a volunteer would be booked twice at once");
            }
        }
    }

    /** Ids go into URLs, CSV cells and markup: one alphabet that needs no escaping in any ({@link IdAlphabet}). */
    private void id(String path, String field, String id) {
        IdAlphabet.problem(id).ifPresent(problem -> error(ErrorPath.field(path, field), problem));
    }

    private void period(String path, LocalDateTime start, LocalDateTime end) {
        if (!end.isAfter(start)) {
            error(ErrorPath.field(path, "end"), "must be after start (" + start + "), was " + end);
        }
    }

    private void share(String path, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            error(ErrorPath.field(path, field), "must be between 0 and 1, was " + value);
        }
    }

    private void notNegative(String path, String field, long value) {
        if (value < 0) {
            error(ErrorPath.field(path, field), "must not be negative, was " + value);
        }
    }

    private void positive(String path, String field, double value) {
        if (!(value > 0)) {
            error(ErrorPath.field(path, field), "must be positive, was " + value);
        }
    }

    private void error(String path, String message) {
        errors.add(new ValidationError(path, message));
    }
}
