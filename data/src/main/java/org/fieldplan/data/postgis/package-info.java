/**
 * PostGIS plumbing shared by the stores: the Flyway-migrated schema and small JDBC helpers.
 * No store logic lives here.
 */
package org.fieldplan.data.postgis;
