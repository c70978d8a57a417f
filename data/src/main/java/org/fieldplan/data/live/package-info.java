/**
 * A region's live plan: the published plan's versions with who, why and the difference, in memory or on
 * PostGIS (docs/live-plan.md).
 */
package org.fieldplan.data.live;
