/**
 * The seeded region generator: settlements, precinct cells, turnout and support fields, volunteers and
 * their availability, for demo and benchmark regions of sizes S to XL (fieldplan generate).
 */
package org.fieldplan.data.generator;
