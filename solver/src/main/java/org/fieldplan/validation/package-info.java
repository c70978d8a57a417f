/**
 * Validation of stated problems: every rule a problem must keep, each error naming its field by path,
 * the id alphabet of ids that travel in URLs, and the geometry rules.
 */
package org.fieldplan.validation;
