/**
 * Declared precinct mappings (docs/import.md): mapping files and presets, the safe expression language,
 * the mapped reader with its location checks and import report, and result tables joined by a declared key.
 */
package org.fieldplan.data.mapping;
