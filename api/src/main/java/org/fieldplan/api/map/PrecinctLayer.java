package org.fieldplan.api.map;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * Every precinct of a plan with what the map shades and shows on hover, for one day or slot (or the whole plan), as
 * a GeoJSON FeatureCollection (RFC 7946; the job, day, slot and the plan's slots are foreign members).
 *
 * @param type always {@code FeatureCollection}
 * @param date the day the shift counts cover; null for every day
 * @param slotId the slot the shift counts cover; null for every slot (of {@code date})
 * @param slots every slot of the plan, for the page's day and slot pickers
 */
public record PrecinctLayer(String type, String jobId, String timeZone, LocalDate date, String slotId,
        List<Slot> slots, List<Feature> features) {

    public PrecinctLayer(String jobId, String timeZone, LocalDate date, String slotId, List<Slot> slots,
            List<Feature> features) {
        this("FeatureCollection", jobId, timeZone, date, slotId, slots, features);
    }

    /** A time slot of the plan, local times. */
    public record Slot(String id, LocalDate day, LocalDateTime start, LocalDateTime end) {
    }

    /** One precinct: its polygon and {@link Values}; {@code id} is the precinct's id. */
    public record Feature(String type, String id, Geometry geometry, Values properties) {

        public Feature(Geometry geometry, Values properties) {
            this("Feature", properties.id(), geometry, properties);
        }
    }

    /**
     * What the map shows of one precinct.
     *
     * @param expectedVotes expected net votes of all the plan's shifts here (every day: coverage compounds)
     * @param marginalVotes what one more standard shift by a volunteer who surely comes would add to
     *     {@code expectedVotes}: the value the solver weighs the next shift by
     * @param shifts shifts assigned here in the layer's day or slot
     * @param usefulShifts shifts the precinct can use in the layer's day or slot: its capacity per slot times the
     *     slots, 0 where canvassing gains nothing
     * @param shiftsPerSlot shifts assigned here per slot of the layer's day or slot (slots with none left out)
     */
    public record Values(String id, String name, int registeredVoters, double expectedTurnout, double supportShare,
            double pivotality, double remainingDoors, double fullCoverageVotes, double expectedVotes,
            double marginalVotes, int shifts, int usefulShifts, Map<String, Integer> shiftsPerSlot) {
    }
}
