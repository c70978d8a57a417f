/**
 * Re-planning on news from the field: cancellations, field reports, late volunteers and availability,
 * each repair's scope, its answer (REPAIRED, REPAIR_QUEUED, DUPLICATE …) and the rules it could not keep.
 */
package org.fieldplan.api.replan;
