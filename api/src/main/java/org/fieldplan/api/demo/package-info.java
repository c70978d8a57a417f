/**
 * The embedded demo region generated, stored and solved at startup,
 * and the one ready line printed once the service takes requests.
 */
package org.fieldplan.api.demo;
