/**
 * Organizers' day sheets of a plan: JSON, CSV and GeoJSON with the people columns (confirmations,
 * personal links), and each volunteer's iCalendar file.
 */
package org.fieldplan.api.assignments;
