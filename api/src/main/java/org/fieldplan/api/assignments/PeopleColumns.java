package org.fieldplan.api.assignments;

/**
 * Where a sheet's people columns come from for one request: the job's confirmation statuses and volunteers' links as
 * the caller may see them, and the count of changes to them that says when a rendered sheet must be rendered again.
 */
public interface PeopleColumns {

    /** The job's count of people changes; read it before {@link #view}, so the view is at least that new. */
    long version();

    /**
     * @param rows the sheet's rows
     * @param links whether to fill in each volunteer's personal link (issuing one where there is none)
     */
    SheetPeopleView view(DailyAssignments rows, boolean links);

    /** The address the links start with (a sheet with links depends on it). */
    String linkBase();
}
