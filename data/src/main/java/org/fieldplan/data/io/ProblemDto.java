package org.fieldplan.data.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.VoteModelParameters;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The problem JSON as Jackson binds it: one record per JSON object, field names and order as in
 * {@code docs/problem-format.md}. Boxed types so that a missing field reads as null and can be reported by name
 * instead of silently becoming 0 (see {@link ProblemDtoMapper}).
 */
record ProblemDto(
        String name,
        String timeZone,
        VoteModelParameters voteModel,
        TravelParameters travel,
        Map<String, String> weights,
        List<DistrictDto> districts,
        List<TimeSlotDto> timeSlots,
        List<PrecinctDto> precincts,
        List<VolunteerDto> volunteers,
        List<AssignmentDto> assignments,
        Map<String, Map<String, Double>> travelMinutes,
        List<StagingLocationDto> stagingLocations) {

    record DistrictDto(String id, Double expectedSupportShare) {
    }

    record TimeSlotDto(String id, LocalDateTime start, LocalDateTime end) {
    }

    record PrecinctDto(
            String id,
            String name,
            Geometry geometry,
            Integer registeredVoters,
            Double expectedTurnout,
            Double supportShare,
            List<String> districtIds,
            Double pivotality,
            Integer targetDoors,
            List<String> requiredLanguages,
            List<Skill> requiredSkills,
            Integer capacityPerSlot,
            Double doorsPerHour,
            Integer doorsAlreadyKnocked) {
    }

    record VolunteerDto(
            String id,
            String name,
            Point home,
            List<Skill> skills,
            List<String> languages,
            TravelMode travelMode,
            Integer maxTravelMinutes,
            List<WindowDto> availability,
            Integer maxShifts,
            Integer maxShiftsPerDay,
            String organizerId,
            Double attendanceProbability,
            List<String> preferredPrecinctIds,
            List<DeploymentOfferDto> deploymentOffers,
            Integer seats,
            Integer detourMinutes,
            Boolean canRide) {
    }

    record DeploymentOfferDto(LocalDate date, Integer maxTravelMinutes, Integer minSlots) {
    }

    record StagingLocationDto(String id, String name, String address, Point point, List<OpeningHoursDto> hours,
            Integer teamsPerSlot) {
    }

    record OpeningHoursDto(LocalDate date, LocalTime open, LocalTime close) {
    }

    record WindowDto(LocalDateTime start, LocalDateTime end) {
    }

    record AssignmentDto(String volunteerId, String slotId, String precinctId, Boolean pinned, String rideWith) {
    }
}
