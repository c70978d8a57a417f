package org.fieldplan.data.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared real data ({@code ../shared/data} beside the repository, or where system property
 * {@code fieldplan.sharedData} points). Missing data fails the test, saying where it looked: a silently skipped test
 * would hide that CI never ran it.
 */
public final class SharedData {

    private SharedData() {
    }

    /** A file under the shared data directory, e.g. {@code precincts/ri-precincts.geojson}. */
    public static Path file(String relative) {
        String property = System.getProperty("fieldplan.sharedData");
        Path dir = property != null ? Path.of(property) : repositoryRoot().resolve("../shared/data").normalize();
        Path file = dir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("Missing shared data " + file.toAbsolutePath() + " (set -Dfieldplan.sharedData=DIR"
                    + " or provide ../shared/data beside the repository; its README.md lists the files)");
        }
        return file;
    }

    /** The directory holding the {@code data} module, found walking up from the working directory. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/src")) && Files.isDirectory(dir.resolve("solver/src"))) {
                return dir;
            }
        }
        throw new AssertionError("No repository (with data/ and solver/) above " + Path.of("").toAbsolutePath());
    }
}
