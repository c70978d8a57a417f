package org.fieldplan.api.assignments;

import java.time.LocalDateTime;
import java.util.List;

import org.fieldplan.data.streets.MeetingPoint;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One volunteer's shift on an organizer's daily sheet.
 *
 * @param start local time in the problem's time zone
 * @param buddies the others in the same precinct and slot; names only for volunteers the caller may see
 * @param travelMinutes one-way, by the volunteer's own travel mode
 * @param confirmation what the volunteer said or did about the shift ({@code CONFIRMED}, {@code WORKED}, …), or
 *     {@code PENDING}; null where not looked up
 * @param volunteerLink the volunteer's personal link, on organizers' sheets; null elsewhere
 * @param carpool who drives whom on this shift, and where the pick-up is; left out of JSON when the volunteer
 *     travels on their own
 */
public record VolunteerAssignment(String volunteerId, String name, String organizerId, String slotId,
        LocalDateTime start, LocalDateTime end, PrecinctInfo precinct, List<Buddy> buddies, int travelMinutes,
        String confirmation, String volunteerLink, @JsonInclude(JsonInclude.Include.NON_NULL) CarpoolInfo carpool) {

    /** A shift travelled alone. */
    public VolunteerAssignment(String volunteerId, String name, String organizerId, String slotId,
            LocalDateTime start, LocalDateTime end, PrecinctInfo precinct, List<Buddy> buddies, int travelMinutes,
            String confirmation, String volunteerLink) {
        this(volunteerId, name, organizerId, slotId, start, end, precinct, buddies, travelMinutes, confirmation,
                volunteerLink, null);
    }

    /** The same shift with its confirmation status and the volunteer's link. */
    public VolunteerAssignment withPeople(String newConfirmation, String newVolunteerLink) {
        return new VolunteerAssignment(volunteerId, name, organizerId, slotId, start, end, precinct, buddies,
                travelMinutes, newConfirmation, newVolunteerLink, carpool);
    }

    /**
     * A carpool on this shift. For a rider: {@code driver} and their {@code pickUp} (the rider's home, on the driver's
     * way); for a driver: each rider with their pick-up, in pick-up order (nearest the driver's home first).
     */
    public record CarpoolInfo(@JsonInclude(JsonInclude.Include.NON_NULL) Buddy driver,
            @JsonInclude(JsonInclude.Include.NON_NULL) Point pickUp,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Rider> riders) {
    }

    /** A rider in a driver's car and where the driver picks them up. */
    public record Rider(String volunteerId, String name, Point pickUp) {
    }

    /**
     * Where to go: the precinct's id, name, centroid (an interior point), where the team meets (null for a precinct
     * without geometry) and polygon (null, and left out of JSON, unless asked for: the precinct layer has the
     * polygons), and the staging location where the team gets its turf when the region has staging locations.
     */
    public record PrecinctInfo(String id, String name, Point centroid, MeetingPlace meetingPoint,
            @JsonInclude(JsonInclude.Include.NON_NULL) Geometry polygon,
            @JsonInclude(JsonInclude.Include.NON_NULL) StagingInfo meetAt) {

        /** A precinct whose team meets on the turf (the region has no staging locations). */
        public PrecinctInfo(String id, String name, Point centroid, MeetingPlace meetingPoint, Geometry polygon) {
            this(id, name, centroid, meetingPoint, polygon, null);
        }
    }

    /** The staging location where the team meets and gets its turf; left out of JSON when there is none. */
    public record StagingInfo(String id, String name, String address, Point point) {
    }

    /**
     * Where a precinct's team meets: on a street near the precinct's interior point when the region has its roads
     * (named where OpenStreetMap names it), else the interior point itself.
     *
     * @param street the street's name, or null
     */
    public record MeetingPlace(Point point, String street) {

        /** The street's name; without one, the point's latitude and longitude and what they are. */
        @JsonProperty("label")
        public String label() {
            return street != null ? street : MeetingPoint.coordinates(point) + " (centre of the precinct)";
        }
    }

    /** A teammate; {@code name} is null when they belong to another organizer. */
    public record Buddy(String volunteerId, String name) {
    }
}
