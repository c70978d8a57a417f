package org.fieldplan.data.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.fieldplan.data.StoreException;

/**
 * Inflates uploads within {@link ArchiveLimits}: a zip archive is checked against the sizes its central directory
 * declares before anything is written, then every entry is copied counting its bytes, and the copy stops at the
 * first limit passed, deleting what was written. A gzip file is inflated without writing, only to count. Messages
 * name the file by its {@code displayName} (the name it was uploaded as), never by a server path.
 */
final class BoundedInflation {

    private static final int BUFFER = 64 * 1024;

    private final ArchiveLimits limits;
    private final String displayName;

    BoundedInflation(ArchiveLimits limits, String displayName) {
        this.limits = limits;
        this.displayName = displayName;
    }

    /**
     * Extracts {@code zip} into {@code directory} (with zip-slip protection).
     *
     * @throws ArchiveRefusedException when a limit is passed; nothing written is left behind
     * @throws StoreException when the file is not a readable zip archive
     */
    void unzip(Path zip, Path directory) {
        List<Path> written = new ArrayList<>();
        long[] total = {0};
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(archive.entries());
            checkDeclared(entries, Files.size(zip));
            for (ZipEntry entry : entries) {
                Path target = directory.resolve(entry.getName()).normalize();
                // An entry named ../x would write outside the directory ("zip slip").
                if (!target.startsWith(directory)) {
                    throw new StoreException(displayName + ": entry " + entry.getName()
                            + " points outside the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                written.add(target);
                // The declared compressed size cannot be more than the archive holds.
                long compressed = Math.min(Math.max(entry.getCompressedSize(), 1), Files.size(zip));
                try (InputStream in = archive.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    copy(in, out, entry.getName(), compressed, total);
                }
            }
        } catch (ArchiveRefusedException e) {
            deleteAll(written);
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            deleteAll(written);
            throw new StoreException(displayName + " is not a readable zip archive", e);
        }
    }

    /**
     * Counts the bytes {@code gz} inflates to (every member of a concatenated gzip), writing nothing.
     *
     * @throws ArchiveRefusedException when a limit is passed
     * @throws StoreException when the file is not gzip
     */
    void checkGzip(Path gz) {
        long[] total = {0};
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), BUFFER)) {
            copy(in, OutputStream.nullOutputStream(), null, Math.max(1, Files.size(gz)), total);
        } catch (ArchiveRefusedException e) {
            throw new ArchiveRefusedException(e.getMessage(), 0); // counted, never written
        } catch (IOException e) {
            throw new StoreException(displayName + " is not a readable gzip file", e);
        }
    }

    /** The archive's own statement of its sizes; unknown sizes (-1) are left to the count while copying. */
    private void checkDeclared(List<? extends ZipEntry> entries, long archiveBytes) {
        if (entries.size() > limits.maxEntries()) {
            throw refused("has " + entries.size() + " entries, more than the " + limits.maxEntries() + " allowed", 0);
        }
        long declared = 0;
        for (ZipEntry entry : entries) {
            long size = entry.getSize();
            if (size < 0) {
                continue;
            }
            declared += size;
            long compressed = Math.min(Math.max(entry.getCompressedSize(), 1), archiveBytes);
            if (size > limits.maxEntryBytes()) {
                throw refused("entry " + entry.getName() + " would inflate to " + size(size) + ", more than the "
                        + size(limits.maxEntryBytes()) + " allowed per file", 0);
            }
            if (limits.ratioExceeded(size, compressed)) {
                throw refused("entry " + entry.getName() + " would inflate " + size / compressed
                        + " times, more than the " + limits.maxRatio() + " allowed (a zip bomb?)", 0);
            }
        }
        if (declared > limits.maxTotalBytes()) {
            throw refused("would inflate to " + size(declared) + ", more than the " + size(limits.maxTotalBytes())
                    + " allowed", 0);
        }
    }

    /**
     * Copies one entry, counting: stops at the entry, total or ratio limit, whatever the archive declared.
     *
     * @param entry the entry's name, or null for a gzip file's one content
     */
    private void copy(InputStream in, OutputStream out, String entry, long compressed, long[] total)
            throws IOException {
        String what = entry == null ? "" : entry + " ";
        byte[] buffer = new byte[BUFFER];
        long entryBytes = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            entryBytes += n;
            total[0] += n;
            if (entryBytes > limits.maxEntryBytes()) {
                throw refused(what + "inflates to more than the " + size(limits.maxEntryBytes())
                        + " allowed per file", total[0] - n);
            }
            if (total[0] > limits.maxTotalBytes()) {
                throw refused("inflates to more than the " + size(limits.maxTotalBytes()) + " allowed", total[0] - n);
            }
            if (limits.ratioExceeded(entryBytes, compressed)) {
                throw refused(what + "inflates more than " + limits.maxRatio() + " times its compressed size "
                        + "(a zip bomb?)", total[0] - n);
            }
            out.write(buffer, 0, n);
        }
    }

    private ArchiveRefusedException refused(String why, long bytesWritten) {
        return new ArchiveRefusedException(displayName + " refused: " + why + "; nothing was imported",
                bytesWritten);
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%,d MB", bytes >> 20)
                : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private static void deleteAll(List<Path> written) {
        for (Path path : written) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // The caller's temporary directory is deleted as a whole afterwards.
            }
        }
    }
}
