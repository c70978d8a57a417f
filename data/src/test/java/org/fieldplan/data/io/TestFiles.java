package org.fieldplan.data.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates files the tests read outside the module: the repository's {@code docs/} and the shared real data in
 * {@code ../shared/data} beside the repository (or where system property {@code fieldplan.sharedData} points).
 * Missing data fails the test with a message saying where it was looked for: a test that silently skips would
 * hide that CI never ran it.
 */
public final class TestFiles {

    private TestFiles() {
    }

    /** The directory of the aggregator {@code pom.xml} (the one with {@code <modules>}), found walking up. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && contains(pom, "<modules>")) {
                return dir;
            }
        }
        throw new AssertionError("No pom.xml with <modules> above " + Path.of("").toAbsolutePath());
    }

    public static Path example(String name) {
        return existing(repositoryRoot().resolve("docs/examples").resolve(name), "example");
    }

    /** A file under the shared data directory, e.g. {@code precincts/ri-precincts.geojson}. */
    public static Path sharedData(String relative) {
        String property = System.getProperty("fieldplan.sharedData");
        Path dir = property != null ? Path.of(property) : repositoryRoot().resolve("../shared/data").normalize();
        return existing(dir.resolve(relative), "shared data (set -Dfieldplan.sharedData=DIR or provide ../shared/data"
                + " beside the repository; its README.md lists the files)");
    }

    private static Path existing(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("Missing " + what + ": " + file.toAbsolutePath());
        }
        return file;
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
