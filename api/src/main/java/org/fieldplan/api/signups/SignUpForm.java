package org.fieldplan.api.signups;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.messages.Addresses;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.validation.ErrorPath;
import org.fieldplan.validation.IdAlphabet;
import org.fieldplan.validation.ValidationError;

/**
 * A sign-up form checked against the region's live plan: every mistake at once, each naming its field, as a 400.
 *
 * @param email normalized, or null
 * @param phone normalized, or null
 */
record SignUpForm(String name, String email, String phone, double lon, double lat, TravelMode travelMode,
        int maxTravelMinutes, List<String> skills, List<String> languages, List<String> slotIds, String organizerId,
        DeploymentOffer deployment, Carpool carpool) {

    static final int MAX_NAME = 200;
    static final int MAX_TRAVEL_MINUTES = 240;
    static final int MAX_ENTRIES = 20;
    /** How far outside the precincts' bounding box (degrees) a home may be: neighbours of the region travel in. */
    static final double BOUNDS_MARGIN = 0.5;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})?");

    /** The contact a duplicate is recognized by: the e-mail, else the phone. */
    String contact() {
        return email != null ? email : phone;
    }

    static SignUpForm check(SignUpRequests.Form form, FieldPlan plan, LocalDateTime now) {
        if (form == null) {
            throw ApiException.invalid("body", "is required: the sign-up form");
        }
        List<ValidationError> errors = new ArrayList<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new ValidationError("name", "is required, at most " + MAX_NAME + " characters"));
        }
        String email = blank(form.email()) ? null : contact(errors, () -> Addresses.email("email", form.email()));
        String phone = blank(form.phone()) ? null : contact(errors, () -> Addresses.phone("phone", form.phone()));
        if (blank(form.email()) && blank(form.phone())) {
            errors.add(new ValidationError("email", "an e-mail or a phone number is required, to confirm the sign-up"));
        }
        double[] bounds = bounds(plan);
        SignUpRequests.Point home = form.home();
        if (home == null || home.lon() == null || home.lat() == null) {
            errors.add(new ValidationError("home", "is required: where you start from, {lon, lat}"));
        } else if (home.lon() < bounds[0] - BOUNDS_MARGIN || home.lon() > bounds[2] + BOUNDS_MARGIN
                || home.lat() < bounds[1] - BOUNDS_MARGIN || home.lat() > bounds[3] + BOUNDS_MARGIN) {
            errors.add(new ValidationError("home", String.format(Locale.ROOT, "(%.5f, %.5f) is outside the region "
                    + "(longitude %.3f to %.3f, latitude %.3f to %.3f)", home.lon(), home.lat(), bounds[0], bounds[2],
                    bounds[1], bounds[3])));
        }
        TravelMode mode = TravelMode.CAR;
        if (form.travelMode() != null) {
            try {
                mode = TravelMode.valueOf(form.travelMode());
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationError("travelMode", "must be one of WALK, BIKE, TRANSIT, CAR"));
            }
        }
        Integer minutes = form.maxTravelMinutes();
        if (minutes == null || minutes < 1 || minutes > MAX_TRAVEL_MINUTES) {
            errors.add(new ValidationError("maxTravelMinutes", "is required: 1 to " + MAX_TRAVEL_MINUTES
                    + " minutes one way"));
        }
        List<String> skills = entries(errors, "skills", form.skills(), skill -> {
            try {
                Skill.valueOf(skill);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }, "is not one of " + List.of(Skill.values()));
        List<String> languages = entries(errors, "languages", form.languages(),
                language -> LANGUAGE.matcher(language).matches(), "is not a language code such as \"en\" or \"es\"");
        Set<String> open = new LinkedHashSet<>(openSlotIds(plan, now));
        List<String> slots = entries(errors, "slotIds", form.slotIds(), open::contains,
                "is not a slot of the calendar still to come " + open);
        if (form.slotIds() == null || form.slotIds().isEmpty()) {
            errors.add(new ValidationError("slotIds", "pick at least one slot " + open));
        }
        String organizerId = form.organizerId();
        if (organizerId != null && (!IdAlphabet.isSafe(organizerId) || plan.getVolunteers().stream()
                .noneMatch(v -> organizerId.equals(v.getOrganizerId())))) {
            errors.add(new ValidationError("organizerId", "is not an organizer of this region"));
        }
        DeploymentOffer deployment = SignUpDeployment.check(form.deployment(), plan, slots, minutes, errors);
        Carpool carpool = SignUpCarpool.check(form.carpool(), mode, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new SignUpForm(name, email, phone, home.lon(), home.lat(), mode, minutes, skills, languages, slots,
                organizerId, deployment, carpool);
    }

    /** The plan's slots that have not started. */
    static List<String> openSlotIds(FieldPlan plan, LocalDateTime now) {
        return plan.getTimeSlots().stream().filter(slot -> !PlanClock.hasStarted(slot, now)).map(TimeSlot::getId)
                .toList();
    }

    /** The precincts' centroids' bounding box: min lon, min lat, max lon, max lat. */
    static double[] bounds(FieldPlan plan) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Precinct precinct : plan.getPrecincts()) {
            box[0] = Math.min(box[0], precinct.getCentroid().getX());
            box[1] = Math.min(box[1], precinct.getCentroid().getY());
            box[2] = Math.max(box[2], precinct.getCentroid().getX());
            box[3] = Math.max(box[3], precinct.getCentroid().getY());
        }
        return box;
    }

    /** The organizer of the volunteer living nearest to the point, for a sign-up whose link named no turf. */
    static String nearestOrganizer(FieldPlan plan, double lon, double lat) {
        String organizer = null;
        double best = Double.MAX_VALUE;
        for (Volunteer volunteer : plan.getVolunteers()) {
            if (volunteer.getOrganizerId() == null || volunteer.getHome() == null) {
                continue;
            }
            double dx = (volunteer.getHome().getX() - lon) * Math.cos(Math.toRadians(lat));
            double dy = volunteer.getHome().getY() - lat;
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                organizer = volunteer.getOrganizerId();
            }
        }
        return organizer;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String contact(List<ValidationError> errors, Supplier<String> check) {
        try {
            return check.get();
        } catch (ApiException e) {
            errors.addAll(e.getErrors());
            return null;
        }
    }

    private static List<String> entries(List<ValidationError> errors, String field, List<String> given,
            Predicate<String> valid, String problem) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_ENTRIES) {
            errors.add(new ValidationError(field, "lists " + given.size() + " entries, at most " + MAX_ENTRIES));
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String entry = given.get(i);
            if (entry == null || !valid.test(entry)) {
                errors.add(new ValidationError(ErrorPath.item(field, i, null), problem));
            } else if (!kept.contains(entry)) {
                kept.add(entry);
            }
        }
        return kept;
    }
}
