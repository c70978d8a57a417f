package org.fieldplan.data.plan;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.fieldplan.data.StoreException;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;

/**
 * Keeps solved plans, their assignments and the field reports against them. Implementations:
 * {@link InMemoryPlanStore} and {@link PostgisPlanStore}; both pass the same contract tests.
 */
public interface PlanStore {

    /**
     * Stores a plan, all or nothing, and returns its id.
     *
     * @throws StoreException when the region is unknown, an assignment refers to a volunteer, slot or precinct the
     *         region (or, for a snapshot-only plan, the snapshot) does not have, or a volunteer has two assignments
     *         in one slot; nothing is stored then
     */
    long save(NewPlan plan);

    Optional<StoredPlan> load(long planId);

    /** The region's plans, oldest first. */
    List<PlanSummary> list(String regionId);

    /** The plans whose problem is only a snapshot (no stored region), oldest first. */
    List<PlanSummary> listSnapshotOnly();

    /**
     * Changes a plan's status and score (e.g. after re-solving around pinned assignments).
     *
     * @throws NoSuchElementException when the plan is unknown
     */
    void update(long planId, PlanStatus status, String score);

    /**
     * Replaces a plan's assignments, status and score in one transaction, e.g. with a solver's new best plan, checking
     * the assignments as {@link #save} does. Assignments that record work done (with field reports, or marked done)
     * are kept as they are, whatever the new list says about their volunteer and slot: reports must never be lost
     * with a re-plan. Every other assignment is replaced by the new list.
     *
     * @throws NoSuchElementException when the plan is unknown
     * @throws StoreException when an assignment refers to something the plan's region (or snapshot) does not have, or
     *         a volunteer has two assignments in one slot; nothing is changed then
     */
    void replaceAssignments(long planId, List<Assignment> assignments, PlanStatus status, String score);

    /**
     * {@link #replaceAssignments} by a writer holding claim number {@code claim} on the plan (a job's owner): refused,
     * changing nothing, when a writer with a higher claim has raised the plan's fence ({@link #raiseWriteFence}) or
     * saved since; otherwise the plan's fence becomes {@code claim}. Check and write are one step, so a writer that
     * lost its claim while stalled can never overwrite what the next one saves.
     *
     * @return whether the assignments were written
     * @throws NoSuchElementException when the plan is unknown
     */
    boolean replaceAssignmentsFenced(long planId, long claim, List<Assignment> assignments, PlanStatus status,
            String score);

    /**
     * Raises the plan's write fence to {@code claim} (never lowers it): from then on, saves under a lower claim are
     * refused. Waits for a save under way to end, so whatever is read after this call stays as read until the holder
     * of {@code claim} writes.
     *
     * @throws NoSuchElementException when the plan is unknown
     */
    void raiseWriteFence(long planId, long claim);

    /**
     * Sets the problem snapshot a plan keeps, e.g. after a volunteer joined late or offered more time; the
     * assignments of a snapshot-only plan are checked against the new snapshot from then on.
     *
     * @throws NoSuchElementException when the plan is unknown
     */
    void replaceSnapshot(long planId, FieldPlanProblem snapshot);

    /**
     * Pins or unpins an assignment: the solver keeps pinned ones.
     *
     * @throws NoSuchElementException when the plan has no assignment for that volunteer and slot
     */
    void setPinned(long planId, String volunteerId, String slotId, boolean pinned);

    /**
     * Marks an assignment's shift as done or not done.
     *
     * @throws NoSuchElementException when the plan has no assignment for that volunteer and slot
     */
    void setDone(long planId, String volunteerId, String slotId, boolean done);

    /**
     * Records a field report for an assignment, <em>replacing</em> any earlier report for the same volunteer and
     * slot (a corrected report is the volunteer's whole account of that shift, not more work on top of it), and pins
     * the assignment (the work happened: no solve may move it). One step, so that a replacement of the plan's
     * assignments running at the same time ({@link #replaceAssignments}, a repair saving its best plan) comes wholly
     * before it or wholly after it, and then keeps the reported assignment.
     *
     * @throws NoSuchElementException when the plan has no assignment for that volunteer and slot
     */
    void addFieldReport(FieldReport report);

    /** A plan's field reports in the order they were first added (one per volunteer and slot). */
    List<FieldReport> fieldReports(long planId);

    /**
     * Doors reported knocked per precinct id over all plans of the region, summed in {@code long}; precincts without
     * reports are absent.
     */
    Map<String, Long> doorsKnockedByPrecinct(String regionId);
}
