package org.fieldplan.api.security;

import java.util.Locale;
import java.util.Objects;

import org.fieldplan.domain.Volunteer;

/**
 * Who is calling, as their credential says.
 *
 * @param organizerId for an {@link Role#ORGANIZER}, the organizer whose volunteers they may see; for a
 *     {@link Role#VOLUNTEER}, their organizer; null otherwise
 * @param actor who did it, for the audit log: an account id, {@code bootstrap-<role>} for a key from the
 *     environment, or {@code volunteer:<id>}
 * @param volunteerId for a {@link Role#VOLUNTEER}: the one volunteer they are; null otherwise
 * @param jobId for a {@link Role#VOLUNTEER}: the one job (plan) their link is for; null otherwise
 */
public record Caller(Role role, String organizerId, String actor, String volunteerId, String jobId) {

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(actor, "actor");
        if (role == Role.ORGANIZER && (organizerId == null || organizerId.isBlank())) {
            throw new IllegalArgumentException("An organizer key must name its organizer id");
        }
        if (role == Role.VOLUNTEER && (volunteerId == null || jobId == null)) {
            throw new IllegalArgumentException("A volunteer link must name its volunteer and job");
        }
    }

    /** A caller with a bootstrap key from the environment. */
    public Caller(Role role, String organizerId) {
        this(role, organizerId, "bootstrap-" + role.name().toLowerCase(Locale.ROOT), null, null);
    }

    /** The volunteer a personal link stands for. */
    public static Caller volunteer(String volunteerId, String organizerId, String jobId) {
        return new Caller(Role.VOLUNTEER, organizerId, "volunteer:" + volunteerId, volunteerId, jobId);
    }

    public boolean isOrganizer() {
        return role == Role.ORGANIZER;
    }

    /** Whether the caller may see this volunteer's name, home and schedule. */
    public boolean maySee(Volunteer volunteer) {
        return switch (role) {
            case ORGANIZER -> organizerId.equals(volunteer.getOrganizerId());
            case VOLUNTEER -> volunteerId.equals(volunteer.getId());
            case STRATEGIST, ADMIN -> true;
        };
    }
}
