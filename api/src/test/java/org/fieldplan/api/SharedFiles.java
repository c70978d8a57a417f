package org.fieldplan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared real data for API tests ({@code ../shared/data} beside the repository, or {@code -Dfieldplan.sharedData});
 * missing data fails the test loudly, as the data module's {@code SharedData} does (its test classes are not on this
 * module's classpath).
 */
final class SharedFiles {

    private SharedFiles() {
    }

    /** The absolute path of a shared file, e.g. {@code precincts/nh-precincts.geojson}. */
    static Path path(String relative) {
        String property = System.getProperty("fieldplan.sharedData");
        // Tests run in the api module's directory.
        Path file = (property != null ? Path.of(property) : Path.of("../../shared/data")).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("Missing shared data " + file.toAbsolutePath().normalize()
                    + " (set -Dfieldplan.sharedData=DIR or provide ../shared/data beside the repository)");
        }
        return file.toAbsolutePath().normalize();
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
