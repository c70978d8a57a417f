/**
 * Problem files in and out: the problem JSON format (docs/problem-format.md) with its limits and errors,
 * plan files (PlanJson), GeoJSON geometries, and real regions built from mapped precincts and census block-group centres.
 */
package org.fieldplan.data.io;
