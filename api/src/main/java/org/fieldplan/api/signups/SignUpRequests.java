package org.fieldplan.api.signups;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the public sign-up endpoints. */
public final class SignUpRequests {

    private SignUpRequests() {
    }

    /** A point on the map, WGS 84. */
    public record Point(Double lon, Double lat) {
    }

    /**
     * A new volunteer's sign-up. One of {@code email} and {@code phone} is required; the code goes to the e-mail when
     * both are given.
     *
     * @param organizerId the turf the sign-up link carried, if any
     */
    public record Form(String name, String email, String phone, Point home, String travelMode,
            Integer maxTravelMinutes, List<String> skills, List<String> languages, List<String> slotIds,
            String organizerId, Deployment deployment, Carpool carpool) {
    }

    /**
     * "I drive and have {@code seats} free seats, and may go {@code detourMinutes} out of my way to pick a rider up";
     * "I can ride with someone" ({@code canRide}); optional, as the volunteer CSV's {@code seats},
     * {@code detour_minutes}, {@code can_ride}.
     */
    public record Carpool(Integer seats, Integer detourMinutes, Boolean canRide) {
    }

    /** "On {@code date} I'll drive up to {@code maxTravelMinutes} for at least {@code minSlots} slots"; optional. */
    public record Deployment(LocalDate date, Integer maxTravelMinutes, Integer minSlots) {
    }

    /** The one-time code sent by e-mail (in the link) or SMS. */
    public record Confirmation(String code) {
    }
}
