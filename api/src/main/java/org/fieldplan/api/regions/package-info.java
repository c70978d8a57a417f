/**
 * A stored region's calendar over HTTP: read (every slot in local time and UTC) and replaced, each change checked
 * against now, the region's solar time and the plans that use its slots.
 */
package org.fieldplan.api.regions;
