/**
 * Region uploads over HTTP: precinct file, mapping, volunteers and calendar checked (dry run) or stored,
 * within the import limits.
 */
package org.fieldplan.api.imports;
