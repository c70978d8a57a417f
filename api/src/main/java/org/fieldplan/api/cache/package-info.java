/**
 * Rendered answers (sheets, precinct layers) cached per plan object with their ETag and gzip copy;
 * an entry serves only while its job's best plan is the one it was rendered from.
 */
package org.fieldplan.api.cache;
