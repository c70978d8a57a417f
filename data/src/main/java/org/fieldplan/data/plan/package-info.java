/**
 * The plan store: a job's problem snapshot, assignments, score, status and field reports, in memory or on
 * PostGIS, every write to one plan under that plan's lock.
 */
package org.fieldplan.data.plan;
