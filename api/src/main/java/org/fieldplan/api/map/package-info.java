/**
 * The map page's reads: the precinct layer of a plan (marginal value, coverage) and the jobs it lists.
 * The page itself is static, under resources/static.
 */
package org.fieldplan.api.map;
