/**
 * A campaign's calendar declared as data (time zone, days, slot rules) and its expansion into time slots,
 * with the checks against now and the region's solar time, and the clock that says what "now" is.
 */
package org.fieldplan.data.calendar;
