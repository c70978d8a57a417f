package org.fieldplan.api.imports;

import org.fieldplan.data.importer.ArchiveLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of region uploads ({@code fieldplan.import.*}).
 *
 * @param maxUploadBytes the largest upload (all parts together) to {@value #ROUTE_PATTERN}; larger is refused with
 *     413. Real precinct files are a few MB per state (Rhode Island's GeoJSON is 8 MB), so the default of 100 MB
 *     leaves room for the largest states' files while the rest of the API keeps its small limit.
 * @param archive how far a compressed precinct file (zipped shapefile, {@code .gz}) may inflate
 */
@ConfigurationProperties("fieldplan.import")
public record ImportProperties(@DefaultValue("104857600") long maxUploadBytes, @DefaultValue Archive archive) {

    /**
     * {@code fieldplan.import.archive.*}: a zip bomb is refused while it is unpacked, at the first limit passed.
     *
     * @param maxTotalBytes all files of an archive together, inflated
     * @param maxEntryBytes one file, inflated
     * @param maxEntries files in an archive
     * @param maxRatio inflated ÷ compressed size of a file (checked past 1 MB)
     */
    public record Archive(@DefaultValue("2147483648") long maxTotalBytes,
            @DefaultValue("1073741824") long maxEntryBytes, @DefaultValue("100") int maxEntries,
            @DefaultValue("200") int maxRatio) {

        public ArchiveLimits limits() {
            return new ArchiveLimits(maxTotalBytes, maxEntryBytes, maxEntries, maxRatio);
        }
    }

    /** The upload route, as an Ant-style path pattern. */
    public static final String ROUTE_PATTERN = "/api/regions/*/import";
}
