/**
 * A region's staging locations over HTTP: listed, added, changed, removed, imported from a file through a mapping,
 * and closed for a slot, which moves the live plan's teams that meet there.
 */
package org.fieldplan.api.staging;
