package org.fieldplan.data.importer;

import java.nio.file.Path;

/**
 * How {@link PrecinctImporter#importFile} treats a file.
 *
 * @param dryRun read and check only, store nothing (the report says what would be imported)
 * @param skipBadRows leave unusable features out and list them, instead of rejecting the whole file (the default)
 * @param regionName the stored region's name, or null for "Precincts of FILE"
 * @param joinFile the table the mapping's {@code join} joins to the precincts (e.g. election results), or null
 */
public record ImportOptions(boolean dryRun, boolean skipBadRows, String regionName, Path joinFile) {

    /** Strict, stored, named after the file. */
    public static final ImportOptions DEFAULT = new ImportOptions(false, false, null, null);

    /** Without a joined table. */
    public ImportOptions(boolean dryRun, boolean skipBadRows, String regionName) {
        this(dryRun, skipBadRows, regionName, null);
    }
}
