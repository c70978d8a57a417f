/**
 * Attendance learned from history: no-shows recorded against a plan and the attendance probabilities
 * they give new jobs.
 */
package org.fieldplan.api.attendance;
