/**
 * Volunteers' side: signed personal links, the volunteer page's API (my shifts, I'm coming, I can't make
 * it, reports), shift statuses and the people version that sheets are cached against.
 */
package org.fieldplan.api.volunteers;
