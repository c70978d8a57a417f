package org.fieldplan.api.staging;

import java.time.LocalDate;
import java.util.List;

import org.fieldplan.domain.StagingLocation;
import org.locationtech.jts.geom.Point;

/**
 * A staging location as the API shows it: the fields of the problem format's {@code stagingLocations[i]}, times as
 * {@code HH:mm}, so a location read can be sent back as it is.
 */
public record StagingLocationView(String id, String name, String address, Point point, List<Hours> hours,
        int teamsPerSlot) {

    /** Opening hours on one date, local time. */
    public record Hours(LocalDate date, String open, String close) {
    }

    static StagingLocationView of(StagingLocation location) {
        return new StagingLocationView(location.id(), location.name(), location.address(), location.point(),
                location.hours().stream().map(h -> new Hours(h.date(), h.open().toString(), h.close().toString()))
                        .toList(),
                location.teamsPerSlot());
    }
}
