/**
 * The marginal-vote model (docs/model.md): each precinct's expected net votes from turnout effect, support
 * and district closeness, its per-shift value tables, and attendance learned from history.
 */
package org.fieldplan.vote;
