package org.fieldplan.data.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository itself (e.g. {@code docs/mappings/connecticut.json}), found from a module's directory. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The file at {@code relative} below the first directory above the working directory that has it. */
    public static Path file(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new AssertionError("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
