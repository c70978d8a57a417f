/**
 * Campaigns: one submission for many regions (a national weekend), fanned out as one job per region into the shared
 * job queue, with progress and totals per region and, if asked, each region's live plan published when it is solved.
 */
package org.fieldplan.api.campaigns;
