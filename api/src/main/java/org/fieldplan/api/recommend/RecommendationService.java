package org.fieldplan.api.recommend;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.security.Caller;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.recommend.Recommendation;
import org.fieldplan.recommend.RecommendationQuery;
import org.fieldplan.recommend.ShiftRecommender;
import org.fieldplan.validation.ProblemValidator;
import org.fieldplan.validation.ValidationError;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;

/**
 * Turns a "where should I go?" request into a {@link RecommendationQuery} against the job's current plan: a
 * volunteer of the plan (their home, skills and languages, overridable) or a newcomer described by the request,
 * checked by the validator's volunteer rules.
 */
@Service
public class RecommendationService {

    /** Travel limit when the request gives none (a distance limit, if given, usually binds first). */
    static final int DEFAULT_MAX_TRAVEL_MINUTES = 60;
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 50;
    /** The id a newcomer gets in the query; it never enters the plan. */
    private static final String NEWCOMER_ID = "(newcomer)";
    private static final GeometryFactory LON_LAT = new GeometryFactory(new PrecisionModel(), 4326);

    private final PlanClock planClock;

    public RecommendationService(PlanClock planClock) {
        this.planClock = planClock;
    }

    /**
     * What the volunteer asks. Every field but {@code from} and {@code to} is optional; without a
     * {@code volunteerId}, {@code home} ("lon,lat") is required.
     */
    public record Request(String volunteerId, String home, LocalDateTime from, LocalDateTime to,
            TravelMode travelMode, Integer maxTravelMinutes, Double maxKm, List<Skill> skills, List<String> languages,
            Double attendanceProbability, Integer limit) {
    }

    /** The recommendations and the volunteer profile they were computed for. */
    public record Answer(String jobId, String volunteerId, LocalDateTime from, LocalDateTime to,
            TravelMode travelMode, int maxTravelMinutes, Double maxKm, double attendanceProbability,
            List<Recommendation> recommendations) {
    }

    public Answer recommend(Job job, Request request, Caller caller) {
        FieldPlan plan = job.requireBestPlan();
        List<ValidationError> errors = new ArrayList<>();
        if (request.from() == null) {
            errors.add(new ValidationError("from", "is required (local date-time, e.g. 2026-10-31T10:00)"));
        }
        if (request.to() == null) {
            errors.add(new ValidationError("to", "is required (local date-time, e.g. 2026-10-31T13:00)"));
        } else if (request.from() != null && !request.to().isAfter(request.from())) {
            errors.add(new ValidationError("to", "must be after from (" + request.from() + "), was " + request.to()));
        }
        if (request.maxKm() != null && !(request.maxKm() > 0)) {
            errors.add(new ValidationError("maxKm", "must be positive, was " + request.maxKm()));
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new ValidationError("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit));
        }
        Volunteer volunteer = asker(plan, request, caller, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<Recommendation> recommendations = ShiftRecommender.recommend(plan, new RecommendationQuery(volunteer,
                request.from(), request.to(), request.maxKm(), planClock.now(plan), limit));
        return new Answer(job.getId(), request.volunteerId(), request.from(), request.to(),
                volunteer.getTravelMode(), volunteer.getMaxTravelMinutes(), request.maxKm(),
                volunteer.getAttendanceProbability(), recommendations);
    }

    /** The volunteer asking: from the plan (if named) with the request's overrides, else from the request alone. */
    private Volunteer asker(FieldPlan plan, Request request, Caller caller, List<ValidationError> errors) {
        Volunteer known = null;
        if (request.volunteerId() != null) {
            known = plan.getVolunteers().stream().filter(v -> v.getId().equals(request.volunteerId())).findFirst()
                    .orElseThrow(() -> ApiException.invalid("volunteerId",
                            "no volunteer \"" + request.volunteerId() + "\" in this job"));
            if (!caller.maySee(known)) {
                throw ApiException.forbidden("volunteer " + known.getId() + " belongs to another organizer");
            }
        }
        Point home = request.home() != null ? home(request.home(), errors) : known != null ? known.getHome() : null;
        if (home == null && request.home() == null) {
            errors.add(new ValidationError("home", "is required without a volunteerId (\"lon,lat\")"));
        }
        Set<Skill> skills = request.skills() != null ? Set.copyOf(request.skills())
                : known != null ? known.getSkills() : Set.of(Skill.CANVASS);
        Set<String> languages = request.languages() != null ? new HashSet<>(request.languages())
                : known != null ? known.getLanguages() : Set.of();
        TravelMode mode = request.travelMode() != null ? request.travelMode()
                : known != null ? known.getTravelMode() : TravelMode.CAR;
        int maxMinutes = request.maxTravelMinutes() != null ? request.maxTravelMinutes()
                : known != null ? known.getMaxTravelMinutes() : DEFAULT_MAX_TRAVEL_MINUTES;
        double attendance = request.attendanceProbability() != null ? request.attendanceProbability()
                : known != null ? known.getAttendanceProbability() : meanAttendance(plan);
        // The slots inside from–to are the offer; the volunteer's stated availability does not restrict it.
        List<AvailabilityWindow> offered = request.from() != null && request.to() != null
                && request.to().isAfter(request.from()) ? List.of(new AvailabilityWindow(request.from(), request.to()))
                : List.of();
        Volunteer asker = new Volunteer(known != null ? known.getId() : NEWCOMER_ID, null, home, skills, languages,
                mode, maxMinutes, offered, known != null ? known.getMaxShifts() : Integer.MAX_VALUE,
                known != null ? known.getMaxShiftsPerDay() : Integer.MAX_VALUE,
                known != null ? known.getOrganizerId() : caller.organizerId(), attendance, Set.of());
        if (home != null) {
            // The newcomer's placeholder id is outside the id alphabet on purpose: no volunteer can have it.
            ProblemValidator.validateVolunteer(asker, Set.of()).stream().filter(e -> !e.path().equals("id"))
                    .forEach(errors::add);
        }
        return asker;
    }

    /** "lon,lat" as a point; adds an error naming {@code home} when it cannot be read. */
    private static Point home(String lonLat, List<ValidationError> errors) {
        String[] parts = lonLat.split(",");
        try {
            if (parts.length == 2) {
                return LON_LAT.createPoint(new Coordinate(Double.parseDouble(parts[0].trim()),
                        Double.parseDouble(parts[1].trim())));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ValidationError("home", "must be \"lon,lat\" in degrees, was \"" + lonLat + "\""));
        return null;
    }

    /** A newcomer's attendance when nobody knows it yet: the plan's mean. */
    public static double meanAttendance(FieldPlan plan) {
        return plan.getVolunteers().stream().mapToDouble(Volunteer::getAttendanceProbability).average().orElse(1.0);
    }
}
