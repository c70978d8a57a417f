/**
 * From stored data to a solver problem: ProblemBuilder (region + dates + organizer), the issues it reports,
 * and calendar changes checked against the plans that use the slots.
 */
package org.fieldplan.data.problem;
