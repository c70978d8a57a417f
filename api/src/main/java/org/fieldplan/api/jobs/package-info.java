/**
 * Planning jobs: admission, the shared queue and leases (JobLeases), a solve's saves (SolveEvents), changes
 * into running solves or repairs (RepairHandOff, PlanChanges, RepairLane), progress events and the jobs API.
 */
package org.fieldplan.api.jobs;
