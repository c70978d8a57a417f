package org.fieldplan.data.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.io.ProblemDto.AssignmentDto;
import org.fieldplan.data.io.ProblemDto.DeploymentOfferDto;
import org.fieldplan.data.io.ProblemDto.DistrictDto;
import org.fieldplan.data.io.ProblemDto.OpeningHoursDto;
import org.fieldplan.data.io.ProblemDto.PrecinctDto;
import org.fieldplan.data.io.ProblemDto.StagingLocationDto;
import org.fieldplan.data.io.ProblemDto.TimeSlotDto;
import org.fieldplan.data.io.ProblemDto.VolunteerDto;
import org.fieldplan.data.io.ProblemDto.WindowDto;
import org.fieldplan.validation.ErrorPath;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;

/**
 * Converts between the bound JSON ({@link ProblemDto}) and the domain. Reading reports every missing required
 * field and bad weight by path; the domain cannot represent a missing count or id, so these are caught here
 * rather than by {@link org.fieldplan.validation.ProblemValidator}. Writing sorts sets, so the same problem
 * always gives the same text.
 */
final class ProblemDtoMapper {

    private static final String MISSING_ID = "";
    private static final LocalDateTime MISSING_TIME = LocalDateTime.MIN;
    /** A day: no volunteer's stated travel can be longer. */
    private static final double MAX_TRAVEL_MINUTES = 24 * 60;
    private static final LocalDate MISSING_DATE = LocalDate.MIN;

    private final List<ValidationError> errors = new ArrayList<>();
    private final InputLimits limits = new InputLimits(errors);

    private ProblemDtoMapper() {
    }

    /** @throws ProblemValidationException if a required field is missing or a weight cannot be read */
    static FieldPlanProblem toDomain(ProblemDto dto) {
        ProblemDtoMapper mapper = new ProblemDtoMapper();
        FieldPlanProblem problem = mapper.problem(dto);
        if (!mapper.errors.isEmpty()) {
            throw new ProblemValidationException(mapper.errors);
        }
        return problem;
    }

    /** One volunteer object; paths are relative to it. @throws ProblemValidationException if a field is missing */
    static Volunteer toVolunteer(VolunteerDto dto) {
        ProblemDtoMapper mapper = new ProblemDtoMapper();
        Volunteer volunteer = mapper.volunteer("", dto);
        if (!mapper.errors.isEmpty()) {
            throw new ProblemValidationException(mapper.errors);
        }
        return volunteer;
    }

    /** One staging location object; paths are relative to it. @throws ProblemValidationException if a field is missing */
    static StagingLocation toStagingLocation(StagingLocationDto dto) {
        ProblemDtoMapper mapper = new ProblemDtoMapper();
        StagingLocation location = mapper.staging("", dto);
        if (!mapper.errors.isEmpty()) {
            throw new ProblemValidationException(mapper.errors);
        }
        return location;
    }

    static ProblemDto fromDomain(FieldPlanProblem problem) {
        return new ProblemDto(problem.name(), problem.timeZone(), problem.voteModel(), problem.travel(),
                WeightsFormat.format(problem.weights()),
                problem.districts().stream().map(d -> new DistrictDto(d.id(), d.expectedSupportShare())).toList(),
                problem.timeSlots().stream().map(s -> new TimeSlotDto(s.getId(), s.getStart(), s.getEnd())).toList(),
                problem.precincts().stream().map(ProblemDtoMapper::precinctDto).toList(),
                problem.volunteers().stream().map(ProblemDtoMapper::volunteerDto).toList(),
                problem.assignments().stream()
                        .map(a -> new AssignmentDto(a.volunteerId(), a.slotId(), a.precinctId(), a.pinned(),
                                a.rideWith()))
                        .toList(),
                problem.travelMinutes().isEmpty() ? null : sortedMinutes(problem.travelMinutes()),
                nullIfEmpty(problem.stagingLocations().stream().map(ProblemDtoMapper::stagingDto).toList()));
    }

    private FieldPlanProblem problem(ProblemDto dto) {
        FieldPlanWeights weights = dto.weights() == null ? null : WeightsFormat.parse(dto.weights(), errors);
        limits.text("", "name", dto.name(), InputLimits.MAX_TEXT_LENGTH);
        limits.text("", "timeZone", dto.timeZone(), InputLimits.MAX_ID_LENGTH);
        List<District> districts = items("districts", dto.districts(), DistrictDto::id, this::district);
        List<TimeSlot> timeSlots = items("timeSlots", required("", "timeSlots", dto.timeSlots(), List.of()),
                TimeSlotDto::id, this::timeSlot);
        List<Precinct> precincts = items("precincts", required("", "precincts", dto.precincts(), List.of()),
                PrecinctDto::id, this::precinct);
        List<Volunteer> volunteers = items("volunteers", dto.volunteers(), VolunteerDto::id, this::volunteer);
        List<Assignment> assignments = items("assignments", dto.assignments(), a -> null, this::assignment);
        return new FieldPlanProblem(dto.name(), dto.timeZone(), dto.voteModel(), dto.travel(), districts, timeSlots,
                precincts, volunteers, weights, assignments, travelMinutes(dto.travelMinutes(), volunteers, precincts),
                items("stagingLocations", dto.stagingLocations(), StagingLocationDto::id, this::staging));
    }

    /**
     * {@code travelMinutes}: each key a volunteer of the problem, each inner key a precinct of the problem, each value
     * finite minutes from 0 to {@link #MAX_TRAVEL_MINUTES}.
     */
    private Map<String, Map<String, Double>> travelMinutes(Map<String, Map<String, Double>> stated,
            List<Volunteer> volunteers, List<Precinct> precincts) {
        if (stated == null) {
            return Map.of();
        }
        Set<String> volunteerIds = volunteers.stream().map(Volunteer::getId).collect(Collectors.toSet());
        Set<String> precinctIds = precincts.stream().map(Precinct::getId).collect(Collectors.toSet());
        stated.forEach((volunteerId, row) -> {
            String path = "travelMinutes." + volunteerId;
            if (!volunteerIds.contains(volunteerId)) {
                errors.add(new ValidationError(path, "names no volunteer of the problem"));
            } else if (row == null) {
                errors.add(new ValidationError(path, "is null"));
            } else {
                row.forEach((precinctId, minutes) -> {
                    if (!precinctIds.contains(precinctId)) {
                        errors.add(new ValidationError(path + "." + precinctId, "names no precinct of the problem"));
                    } else if (minutes == null || !(minutes >= 0 && minutes <= MAX_TRAVEL_MINUTES)) {
                        errors.add(new ValidationError(path + "." + precinctId,
                                "must be minutes from 0 to " + MAX_TRAVEL_MINUTES + ", was " + minutes));
                    }
                });
            }
        });
        return stated;
    }

    private StagingLocation staging(String path, StagingLocationDto dto) {
        limits.text(path, "id", dto.id(), InputLimits.MAX_ID_LENGTH);
        limits.text(path, "name", dto.name(), InputLimits.MAX_TEXT_LENGTH);
        limits.text(path, "address", dto.address(), InputLimits.MAX_TEXT_LENGTH);
        return new StagingLocation(required(path, "id", dto.id(), MISSING_ID), dto.name(), dto.address(),
                required(path, "point", dto.point(), null),
                items(ErrorPath.field(path, "hours"), dto.hours(), h -> null, this::openingHours),
                required(path, "teamsPerSlot", dto.teamsPerSlot(), 0));
    }

    private OpeningHours openingHours(String path, OpeningHoursDto dto) {
        return new OpeningHours(required(path, "date", dto.date(), MISSING_DATE),
                required(path, "open", dto.open(), LocalTime.MIDNIGHT),
                required(path, "close", dto.close(), LocalTime.MIDNIGHT));
    }

    private DeploymentOffer deploymentOffer(String path, DeploymentOfferDto dto) {
        return new DeploymentOffer(required(path, "date", dto.date(), MISSING_DATE),
                required(path, "maxTravelMinutes", dto.maxTravelMinutes(), 0),
                required(path, "minSlots", dto.minSlots(), 1));
    }

    private District district(String path, DistrictDto dto) {
        limits.text(path, "id", dto.id(), InputLimits.MAX_ID_LENGTH);
        return new District(required(path, "id", dto.id(), MISSING_ID),
                required(path, "expectedSupportShare", dto.expectedSupportShare(), 0.0));
    }

    private TimeSlot timeSlot(String path, TimeSlotDto dto) {
        limits.text(path, "id", dto.id(), InputLimits.MAX_ID_LENGTH);
        return new TimeSlot(required(path, "id", dto.id(), MISSING_ID),
                required(path, "start", dto.start(), MISSING_TIME),
                required(path, "end", dto.end(), MISSING_TIME));
    }

    private Precinct precinct(String path, PrecinctDto dto) {
        limits.precinct(path, dto);
        return new Precinct(required(path, "id", dto.id(), MISSING_ID), dto.name(),
                required(path, "geometry", dto.geometry(), null),
                required(path, "registeredVoters", dto.registeredVoters(), 0),
                required(path, "expectedTurnout", dto.expectedTurnout(), 0.0),
                required(path, "supportShare", dto.supportShare(), 0.0),
                dto.districtIds(), dto.pivotality(), dto.targetDoors(), asSet(dto.requiredLanguages()),
                dto.requiredSkills() == null ? null : Set.copyOf(dto.requiredSkills()), dto.capacityPerSlot(),
                dto.doorsPerHour(), dto.doorsAlreadyKnocked() == null ? 0 : dto.doorsAlreadyKnocked());
    }

    private Volunteer volunteer(String path, VolunteerDto dto) {
        limits.volunteer(path, dto);
        String availabilityPath = ErrorPath.field(path, "availability");
        return new Volunteer(required(path, "id", dto.id(), MISSING_ID), dto.name(),
                required(path, "home", dto.home(), null),
                dto.skills() == null ? null : Set.copyOf(dto.skills()), asSet(dto.languages()), dto.travelMode(),
                required(path, "maxTravelMinutes", dto.maxTravelMinutes(), 0),
                items(availabilityPath, dto.availability(), w -> null, this::window),
                required(path, "maxShifts", dto.maxShifts(), 0),
                required(path, "maxShiftsPerDay", dto.maxShiftsPerDay(), 0),
                dto.organizerId(),
                required(path, "attendanceProbability", dto.attendanceProbability(), 0.0),
                asSet(dto.preferredPrecinctIds()),
                items(ErrorPath.field(path, "deploymentOffers"), dto.deploymentOffers(), o -> null,
                        this::deploymentOffer),
                new Carpool(dto.seats() == null ? 0 : dto.seats(),
                        dto.detourMinutes() == null ? 0 : dto.detourMinutes(), Boolean.TRUE.equals(dto.canRide())));
    }

    private AvailabilityWindow window(String path, WindowDto dto) {
        return new AvailabilityWindow(required(path, "start", dto.start(), MISSING_TIME),
                required(path, "end", dto.end(), MISSING_TIME));
    }

    private Assignment assignment(String path, AssignmentDto dto) {
        return new Assignment(required(path, "volunteerId", dto.volunteerId(), MISSING_ID),
                required(path, "slotId", dto.slotId(), MISSING_ID),
                required(path, "precinctId", dto.precinctId(), MISSING_ID),
                Boolean.TRUE.equals(dto.pinned()), dto.rideWith());
    }

    /**
     * Converts each item, naming it by index and id in errors. An item with a missing field is dropped (after its
     * errors are recorded) because the domain types cannot hold it; the reader then throws anyway.
     */
    private <D, T> List<T> items(String collectionPath, List<D> dtos, Function<D, String> idOf,
            BiFunction<String, D, T> convert) {
        if (dtos == null) {
            return List.of();
        }
        List<T> items = new ArrayList<>(dtos.size());
        for (int i = 0; i < dtos.size(); i++) {
            D dto = dtos.get(i);
            String path = ErrorPath.item(collectionPath, i, dto == null ? null : idOf.apply(dto));
            if (dto == null) {
                errors.add(new ValidationError(path, "is null"));
                continue;
            }
            int errorsBefore = errors.size();
            T item = convert.apply(path, dto);
            if (errors.size() == errorsBefore) {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * The value, or a placeholder after recording that it is missing. The placeholder only keeps the domain
     * constructors (which reject null ids and times) from failing: {@link #items} drops an item with errors.
     */
    private <V> V required(String path, String field, V value, V placeholder) {
        if (value == null) {
            errors.add(new ValidationError(ErrorPath.field(path, field), "missing required field"));
            return placeholder;
        }
        return value;
    }

    private static Set<String> asSet(List<String> values) {
        return values == null ? null : new LinkedHashSet<>(values);
    }

    private static PrecinctDto precinctDto(Precinct p) {
        return new PrecinctDto(p.getId(), p.getName(), p.getGeometry(), p.getRegisteredVoters(),
                p.getExpectedTurnout(), p.getSupportShare(), nullIfEmpty(p.getDistrictIds()), p.getStatedPivotality(),
                p.getStatedTargetDoors(), nullIfEmpty(sorted(p.getRequiredLanguages())),
                nullIfEmpty(sortedSkills(p.getRequiredSkills())), p.getStatedCapacityPerSlot(),
                p.getStatedDoorsPerHour(),
                p.getDoorsAlreadyKnocked() == 0 ? null : p.getDoorsAlreadyKnocked());
    }

    private static VolunteerDto volunteerDto(Volunteer v) {
        return new VolunteerDto(v.getId(), v.getName(), v.getHome(), sortedSkills(v.getSkills()),
                sorted(v.getLanguages()),
                v.getTravelMode(), v.getMaxTravelMinutes(),
                v.getAvailability().stream().map(w -> new WindowDto(w.start(), w.end())).toList(),
                v.getMaxShifts(), v.getMaxShiftsPerDay(), v.getOrganizerId(), v.getAttendanceProbability(),
                nullIfEmpty(sorted(v.getPreferredPrecinctIds())),
                nullIfEmpty(v.getDeploymentOffers().stream()
                        .map(o -> new DeploymentOfferDto(o.date(), o.maxTravelMinutes(), o.minSlots())).toList()),
                v.getCarpool().seats() == 0 ? null : v.getCarpool().seats(),
                v.getCarpool().detourMinutes() == 0 ? null : v.getCarpool().detourMinutes(),
                v.getCarpool().canRide() ? Boolean.TRUE : null);
    }

    private static StagingLocationDto stagingDto(StagingLocation s) {
        return new StagingLocationDto(s.id(), s.name().equals(s.id()) ? null : s.name(), s.address(), s.point(),
                nullIfEmpty(s.hours().stream().map(h -> new OpeningHoursDto(h.date(), h.open(), h.close())).toList()),
                s.teamsPerSlot());
    }

    /** Volunteers and precincts in id order, so the same problem always gives the same text. */
    private static Map<String, Map<String, Double>> sortedMinutes(Map<String, Map<String, Double>> minutes) {
        Map<String, Map<String, Double>> sorted = new TreeMap<>();
        minutes.forEach((volunteerId, row) -> sorted.put(volunteerId, new TreeMap<>(row)));
        return sorted;
    }

    private static List<String> sorted(Set<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }

    private static List<Skill> sortedSkills(Set<Skill> skills) {
        return skills.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(skills));
    }

    private static <T> List<T> nullIfEmpty(List<T> values) {
        return values.isEmpty() ? null : values;
    }
}
