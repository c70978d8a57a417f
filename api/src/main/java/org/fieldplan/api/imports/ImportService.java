package org.fieldplan.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.importer.RegionUpload;
import org.fieldplan.data.importer.TemporaryDirectory;
import org.fieldplan.data.streets.OsmStreetReader;
import org.fieldplan.data.streets.Street;
import org.fieldplan.data.streets.StreetImporter;
import org.fieldplan.data.streets.StreetStore;
import org.fieldplan.domain.Precinct;
import org.fieldplan.data.importer.UploadRejectedException;
import org.springframework.stereotype.Service;

import jakarta.servlet.http.Part;

/**
 * Strategists' uploads of a region ({@link RegionUpload}): a dry run that reports and previews and stores nothing,
 * or the import itself. Bad files are 400 naming the part and field; a region id that is taken is 409.
 */
@Service
public class ImportService {

    private final DataStores stores;
    private final StreetStore streetStore;
    private final ImportProperties properties;
    private final PlanClock clock;

    public ImportService(DataStores stores, StreetStore streetStore, ImportProperties properties, PlanClock clock) {
        this.stores = stores;
        this.streetStore = streetStore;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param osm the region's OpenStreetMap extract ({@code .osm.pbf} or {@code .osm}), or null: read before anything
     *     is stored, so an unreadable one is a 400 naming the part and nothing is imported
     */
    public ImportView upload(String regionId, Part precincts, Part mapping, Part volunteers, Part calendar,
            Part joinTable, Part osm, boolean dryRun, boolean skipBadRows) {
        List<Street> streets = streets(osm);
        byte[] sheet = bytes(volunteers);
        RegionUpload.Upload files = new RegionUpload.Upload(bytes(precincts), name(precincts), bytes(mapping),
                sheet == null ? null : new String(sheet, StandardCharsets.UTF_8), bytes(calendar), skipBadRows,
                bytes(joinTable), name(joinTable));
        RegionUpload upload =
                new RegionUpload(stores.regions(), properties.archive().limits(), clock.campaignClock());
        try {
            RegionUpload.Result result = dryRun ? upload.check(regionId, files) : upload.store(regionId, files);
            List<Precinct> imported = result.report().precincts();
            String extract = name(osm);
            StreetImporter.Result placed = streets == null ? null : dryRun
                    ? StreetImporter.check(imported, streets, extract)
                    : new StreetImporter(streetStore).store(regionId, imported, streets, extract);
            return ImportView.of(result, placed);
        } catch (UploadRejectedException e) {
            throw ApiException.invalid(e.errors());
        } catch (RegionUpload.RegionIdTakenException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    /** The extract's roads; null without one. */
    private static List<Street> streets(Part osm) {
        byte[] extract = bytes(osm);
        if (extract == null) {
            return null;
        }
        // GDAL's OSM driver knows the format by the file's extension.
        String name = name(osm);
        try (TemporaryDirectory work = TemporaryDirectory.create("fieldplan-osm-upload")) {
            Path file = work.path().resolve(name.endsWith(".pbf") ? "extract.osm.pbf" : "extract.osm");
            Files.write(file, extract);
            return OsmStreetReader.read(file, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded extract", e);
        } catch (OsmStreetReader.UnreadableExtractException e) {
            throw ApiException.invalid("osm", e.getMessage());
        }
    }

    /** A part's content (a file or a plain form field); null when the part is missing or empty. */
    private static byte[] bytes(Part part) {
        if (part == null || part.getSize() == 0) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded " + part.getName(), e);
        }
    }

    private static String name(Part part) {
        return part == null || part.getSubmittedFileName() == null ? "upload" : part.getSubmittedFileName();
    }
}
