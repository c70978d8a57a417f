package org.fieldplan.api.staging;

import java.util.List;
import java.util.NoSuchElementException;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.api.replan.ReplanResult;
import org.fieldplan.api.replan.ReplanService;
import org.fieldplan.api.security.Caller;
import org.fieldplan.data.DataStores;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.TimeSlot;
import org.springframework.stereotype.Service;

/**
 * A staging location closes for a slot: its hours lose the slot in the region's store and, when the region has a live
 * plan, the teams that were to meet there in that slot move (a repair of the live plan, recorded as a version of kind
 * {@code staging}; the volunteers it moves get a change notice).
 */
@Service
public class StagingClosures {

    /** What a closure did: the location's new hours and the live plan's repair (null without a live plan). */
    public record Closure(StagingLocationView location, ReplanResult repair) {
    }

    /** Body of a closure. */
    public record Request(String slotId) {
    }

    private final StagingService staging;
    private final DataStores stores;
    private final LivePlans live;
    private final ReplanService replan;

    public StagingClosures(StagingService staging, DataStores stores, LivePlans live, ReplanService replan) {
        this.staging = staging;
        this.stores = stores;
        this.live = live;
        this.replan = replan;
    }

    /** 400 for a slot the region does not have, 404 for an unknown region or location, 409 when already closed. */
    public Closure close(String regionId, String locationId, Request request, Caller caller) {
        if (request == null || request.slotId() == null || request.slotId().isBlank()) {
            throw ApiException.invalid("slotId", "is required: the slot the location closes for");
        }
        StagingLocation location = staging.find(regionId, locationId);
        List<TimeSlot> slots;
        try {
            slots = stores.regions().calendar(regionId).slots();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        }
        TimeSlot slot = slots.stream().filter(s -> s.getId().equals(request.slotId())).findFirst()
                .orElseThrow(() -> ApiException.invalid("slotId", "region " + regionId + " has no slot \""
                        + request.slotId() + "\""));
        if (!location.isOpenDuring(slot)) {
            throw ApiException.conflict("staging location " + locationId + " is already closed during " + slot.getId());
        }
        StagingLocation closed = StagingHours.closedDuring(location, slot, slots.stream().map(TimeSlot::getDay)
                .toList());
        if (live.liveJobId(regionId).isEmpty()) {
            staging.update(regionId, closed);
            return new Closure(StagingLocationView.of(closed), null);
        }
        ReplanResult repair = live.changeOnOwn(regionId, "staging", caller.actor(), "closed staging location "
                + locationId + " for " + slot.getId(), job -> {
                    staging.update(regionId, closed);
                    return replan.stagingClosed(job, closed, slot.getId());
                });
        return new Closure(StagingLocationView.of(closed), repair);
    }
}
