/**
 * Travel times from volunteers' homes to precincts by each one's mode: the TravelTimeMatrix interface,
 * the great-circle estimate (the default) and the travel parameters; depends on the domain, never the reverse.
 */
package org.fieldplan.travel;
