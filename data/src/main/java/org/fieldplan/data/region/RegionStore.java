package org.fieldplan.data.region;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.StoreException;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.Volunteer;

/**
 * Keeps regions (campaigns): their precincts, volunteers, time slots and districts, and builds the stated problem
 * for a part of one. Implementations: {@link InMemoryRegionStore} (the embedded default) and
 * {@link PostgisRegionStore}; both pass the same contract tests.
 *
 * <p>Precinct geometries are kept as multipolygons (see {@link org.fieldplan.data.Geometries}). The problem's
 * vote-model and travel parameters, its weights, its staging locations and its volunteers' deployment offers are
 * kept; its assignments are not (plans keep assignments).
 */
public interface RegionStore {

    /**
     * Imports a whole region, all or nothing.
     *
     * @param electionAttributes raw source attributes per precinct id (e.g. {@code REGVOT18}), kept as imported;
     *         values must be JSON-like (strings, numbers, booleans, null, lists, maps)
     * @throws StoreException when the region id is taken or any row is rejected (duplicate id, non-polygonal
     *         geometry, slot ending before it starts…); nothing of the region is stored then
     */
    void save(String regionId, FieldPlanProblem problem, Map<String, Map<String, Object>> electionAttributes);

    /** {@link #save(String, FieldPlanProblem, Map)} without raw election attributes. */
    default void save(String regionId, FieldPlanProblem problem) {
        save(regionId, problem, Map.of());
    }

    /**
     * Adds volunteers to a stored region (e.g. from a sign-up sheet), all or nothing, after those it has.
     *
     * @param phones phone number per volunteer id, kept with the other personal data; volunteers may have none
     * @throws StoreException when the region is unknown or a volunteer id is taken or repeated; nothing is added then
     */
    void addVolunteers(String regionId, List<Volunteer> volunteers, Map<String, String> phones);

    /** A volunteer's phone number, if one was imported. */
    Optional<String> phone(String regionId, String volunteerId);

    /**
     * Replaces a region's calendar, in one transaction: its time zone, its declaration and its time slots (slots
     * of the new calendar with an existing id keep that id with the new times; slots the calendar drops are
     * deleted). Volunteers' availability is kept as it is. Callers check first that no stored plan uses a slot that
     * is dropped or moved ({@link org.fieldplan.data.problem.CalendarChange}); on PostGIS a dropped slot a plan
     * assigns still fails its foreign key, leaving everything as it was.
     *
     * @throws StoreException when the region is unknown or the slots are rejected; nothing changes then
     */
    void replaceCalendar(String regionId, CampaignCalendar calendar);

    /**
     * The region's calendar as stored.
     *
     * @throws NoSuchElementException when the region is unknown
     */
    RegionCalendar calendar(String regionId);

    /** Every stored region, by id. */
    List<RegionSummary> list();

    /**
     * The stated problem for the query, in the order it was saved, without assignments; nothing is validated or
     * dropped here (see {@link org.fieldplan.data.problem.ProblemBuilder}). Each call returns new domain objects,
     * so preparing or solving one never changes the store.
     *
     * @throws NoSuchElementException when the region is unknown
     */
    FieldPlanProblem load(ProblemQuery query);

    /** The raw election attributes a precinct was imported with, if any. */
    Optional<Map<String, Object>> electionAttributes(String regionId, String precinctId);

    /**
     * The region's staging locations, in the order they were added.
     *
     * @throws NoSuchElementException when the region is unknown
     */
    List<StagingLocation> stagingLocations(String regionId);

    /**
     * Adds staging locations after those the region has, all or nothing.
     *
     * @throws NoSuchElementException when the region is unknown
     * @throws TakenIdException when an id is taken or repeated; nothing is added then
     */
    void addStagingLocations(String regionId, List<StagingLocation> locations);

    /**
     * Replaces the staging location with the same id, keeping its place in the order.
     *
     * @return false when the region has no location of that id (nothing changes then)
     * @throws NoSuchElementException when the region is unknown
     */
    boolean updateStagingLocation(String regionId, StagingLocation location);

    /**
     * @return false when the region has no location of that id
     * @throws NoSuchElementException when the region is unknown
     */
    boolean removeStagingLocation(String regionId, String locationId);
}
