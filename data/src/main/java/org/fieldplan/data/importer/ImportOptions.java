package org.fieldplan.data.importer;

/**
 * How {@link PrecinctImporter#importFile} treats a file.
 *
 * @param dryRun read and check only, store nothing (the report says what would be imported)
 * @param skipBadRows leave unusable features out and list them, instead of rejecting the whole file (the default)
 * @param regionName the stored region's name, or null for "Precincts of FILE"
 */
public record ImportOptions(boolean dryRun, boolean skipBadRows, String regionName) {

    /** Strict, stored, named after the file. */
    public static final ImportOptions DEFAULT = new ImportOptions(false, false, null);
}
