package org.fieldplan.api.assignments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.Volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An organizer's sheet for one job: the assignments, the problem's time zone, and the homes of the volunteers on it
 * (never written as JSON; the GeoJSON draws each trip from home to precinct).
 *
 * @param date null for every date
 * @param organizerId null for every organizer
 */
public record DailyAssignments(String jobId, LocalDate date, String organizerId, String timeZone,
        List<VolunteerAssignment> assignments, @JsonIgnore Map<String, Volunteer> volunteers) {
}
