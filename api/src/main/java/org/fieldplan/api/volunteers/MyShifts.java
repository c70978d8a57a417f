package org.fieldplan.api.volunteers;

import java.time.LocalDateTime;
import java.util.List;

import org.fieldplan.api.assignments.VolunteerAssignment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a volunteer sees on their page: their upcoming and past shifts in the job, and nothing about anyone else but
 * their teammates' first names.
 *
 * @param now "now" in the plan's time zone: shifts that started before it can be reported, not cancelled
 */
public record MyShifts(String jobId, String volunteerId, String name, String timeZone, LocalDateTime now,
        String travelMode, List<MyShift> shifts) {

    /**
     * One shift.
     *
     * @param status {@code PENDING}, {@code CONFIRMED}, {@code WORKED}, …
     * @param precinct where: id, name, polygon and its centroid, which is the meeting point
     * @param teammates first names of the others in the same precinct and slot
     * @param travelMinutes one-way, by the volunteer's travel mode
     * @param notes the organizers' notes on this team's shifts (a region's live plan only)
     * @param carpool who drives them and where they are picked up, or whom they drive; left out when they travel alone
     */
    public record MyShift(String slotId, LocalDateTime start, LocalDateTime end, boolean started, String status,
            VolunteerAssignment.PrecinctInfo precinct, List<String> teammates, int travelMinutes, List<String> notes,
            @JsonInclude(JsonInclude.Include.NON_NULL) VolunteerAssignment.CarpoolInfo carpool) {
    }
}
