/**
 * One-volunteer recommendations: the best few precinct-slots for a volunteer against a plan as it stands,
 * within the hard rules, ranked by the marginal expected net votes of one more shift; nothing is re-solved.
 */
package org.fieldplan.recommend;
