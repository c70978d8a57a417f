/**
 * Candidate pairs: volunteer-precinct pairs within reach, computed in memory or with PostGIS ST_DWithin,
 * and the sparse travel-time matrix the solver uses for stored regions.
 */
package org.fieldplan.data.travel;
