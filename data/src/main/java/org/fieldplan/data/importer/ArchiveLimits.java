package org.fieldplan.data.importer;

/**
 * How far a compressed upload (a zipped shapefile, a {@code .gz}) may inflate. Checked against the sizes the archive
 * declares before anything is written, and again against the bytes actually inflated while copying, since a
 * hostile archive can declare anything.
 *
 * @param maxTotalBytes all entries together, inflated
 * @param maxEntryBytes one entry, inflated
 * @param maxEntries entries in a zip archive (a shapefile has five to eight files)
 * @param maxRatio inflated ÷ compressed bytes of an entry, checked once it passes {@link #RATIO_CHECK_BYTES}: real
 *     shapefiles compress 2–15 times, a zip bomb a thousand times
 */
public record ArchiveLimits(long maxTotalBytes, long maxEntryBytes, int maxEntries, int maxRatio) {

    /** 2 GiB in all, 1 GiB per entry, 100 entries, 200:1. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(2L << 30, 1L << 30, 100, 200);

    /** Small entries may compress very well (a file of blanks) without being a risk. */
    public static final long RATIO_CHECK_BYTES = 1L << 20;

    public ArchiveLimits {
        if (maxTotalBytes <= 0 || maxEntryBytes <= 0 || maxEntries <= 0 || maxRatio <= 0) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    /** Whether {@code inflated} bytes from {@code compressed} bytes exceed the ratio (small sizes never do). */
    boolean ratioExceeded(long inflated, long compressed) {
        return inflated > RATIO_CHECK_BYTES && inflated > (double) maxRatio * Math.max(1, compressed);
    }
}
