package org.fieldplan.data.region;

/** A stored region (campaign) and how much it holds. */
public record RegionSummary(String id, String name, int precincts, int volunteers, int timeSlots) {
}
