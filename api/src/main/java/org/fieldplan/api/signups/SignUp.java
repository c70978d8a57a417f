package org.fieldplan.api.signups;

import java.time.Instant;
import java.util.List;

import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.DeploymentOffer;

/**
 * A volunteer's sign-up on a region's public page. Its id is also the volunteer's id once they join the live plan.
 *
 * @param organizerId the turf the sign-up link carried, or the organizer of the nearest volunteer of the plan
 * @param email normalized (lower case), or null
 * @param phone normalized ({@code +} and digits), or null
 * @param slotIds the calendar's slots they offered
 * @param codeHash the hash of the one-time confirmation code last sent
 * @param wrongCodes wrong codes tried against the last code sent
 * @param note why it lapsed or was rejected, or null
 * @param deployment the longer trip offered for one day, or null
 * @param carpool the seats offered as a driver, the detour limit and whether they accept a ride; {@link Carpool#NONE}
 *     when none
 */
public record SignUp(String id, String regionId, String organizerId, String name, String email, String phone,
        double lon, double lat, String travelMode, int maxTravelMinutes, List<String> skills, List<String> languages,
        List<String> slotIds, Status status, String codeHash, int wrongCodes, String note, Instant createdAt,
        Instant updatedAt, DeploymentOffer deployment, Carpool carpool) {

    /** Where a sign-up stands. */
    public enum Status {
        /** Waiting for the one-time code or link. */
        PENDING,
        /** Confirmed, waiting for the next batch to join the live plan. */
        CONFIRMED,
        /** In the live plan as a volunteer. */
        JOINED,
        /** Every slot offered started before the sign-up could join. */
        LAPSED,
        /** An organizer turned it down. */
        REJECTED
    }

    /** A sign-up without a deployment offer. */
    public SignUp(String id, String regionId, String organizerId, String name, String email, String phone,
            double lon, double lat, String travelMode, int maxTravelMinutes, List<String> skills,
            List<String> languages, List<String> slotIds, Status status, String codeHash, int wrongCodes, String note,
            Instant createdAt, Instant updatedAt) {
        this(id, regionId, organizerId, name, email, phone, lon, lat, travelMode, maxTravelMinutes, skills, languages,
                slotIds, status, codeHash, wrongCodes, note, createdAt, updatedAt, null, Carpool.NONE);
    }

    public SignUp {
        carpool = carpool == null ? Carpool.NONE : carpool;
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
        slotIds = List.copyOf(slotIds);
    }

    SignUp with(Status newStatus, String newNote, Instant at) {
        return new SignUp(id, regionId, organizerId, name, email, phone, lon, lat, travelMode, maxTravelMinutes,
                skills, languages, slotIds, newStatus, codeHash, wrongCodes, newNote, createdAt, at, deployment,
                carpool);
    }

    SignUp withWrongCode(Instant at) {
        return new SignUp(id, regionId, organizerId, name, email, phone, lon, lat, travelMode, maxTravelMinutes,
                skills, languages, slotIds, status, codeHash, wrongCodes + 1, note, createdAt, at, deployment, carpool);
    }
}
