/**
 * Errors as RFC 9457 problem details: ApiException and its advice, body size limits, database outages
 * (503 with Retry-After), and container-level errors in the same shape.
 */
package org.fieldplan.api.errors;
