/**
 * Accounts of organizers and strategists created by an admin: their keys (stored hashed), roles and
 * organizer ids, in memory or on PostGIS.
 */
package org.fieldplan.api.accounts;
