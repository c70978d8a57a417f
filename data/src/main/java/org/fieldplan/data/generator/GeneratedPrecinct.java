package org.fieldplan.data.generator;

import org.fieldplan.domain.Precinct;
import org.locationtech.jts.geom.Geometry;

/**
 * A generated precinct with the generator-only facts the volunteer step needs: its cell in plane kilometres (to
 * place homes uniformly by area), its urbanity (for travel modes) and its Hispanic voting-age share (for Spanish
 * speakers), none of which the domain {@link Precinct} carries.
 */
record GeneratedPrecinct(Precinct precinct, Geometry planarCell, double urbanity, double hispanicShare) {
}
