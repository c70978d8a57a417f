/**
 * The region store: precincts, volunteers, time slots and the declared calendar of each region, in memory
 * or on PostGIS, with the queries (date range, organizer) problems are built from.
 */
package org.fieldplan.data.region;
