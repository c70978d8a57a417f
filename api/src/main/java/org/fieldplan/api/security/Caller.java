package org.fieldplan.api.security;

import java.util.Objects;

import org.fieldplan.domain.Volunteer;

/**
 * Who is calling, as their API key says.
 *
 * @param organizerId for an {@link Role#ORGANIZER}, the organizer whose volunteers they may see; null otherwise
 */
public record Caller(Role role, String organizerId) {

    public Caller {
        Objects.requireNonNull(role, "role");
        if (role == Role.ORGANIZER && (organizerId == null || organizerId.isBlank())) {
            throw new IllegalArgumentException("An organizer key must name its organizer id");
        }
    }

    public boolean isOrganizer() {
        return role == Role.ORGANIZER;
    }

    /** Whether the caller may see this volunteer's name, home and schedule. */
    public boolean maySee(Volunteer volunteer) {
        return !isOrganizer() || organizerId.equals(volunteer.getOrganizerId());
    }
}
