/**
 * A region's live plan over HTTP: publishing, versions, restores, organizers' moves, locks and notes,
 * the day board and its live events (docs/live-plan.md).
 */
package org.fieldplan.api.live;
