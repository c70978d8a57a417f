/**
 * Configuration: the fieldplan.* properties, the store selection (memory or PostGIS), the clock,
 * JSON geometry and the OpenAPI document.
 */
package org.fieldplan.api.config;
