/**
 * The audit log: who did what to which job or region, written by an interceptor on every changing request,
 * in memory or on PostGIS, and read by admins.
 */
package org.fieldplan.api.audit;
