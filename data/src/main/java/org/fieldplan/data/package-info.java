/**
 * Where a campaign's data lives: DataStores (regions, plans, live plans, candidate pairs) in memory or on
 * PostGIS behind one contract, and the errors a store reports.
 */
package org.fieldplan.data;
