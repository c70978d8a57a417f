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
import org.fieldplan.data.travel.road.RegionRoadTravel;
import org.fieldplan.data.travel.road.RoadNetwork;
import org.fieldplan.data.travel.road.RoadNetworkException;
import org.fieldplan.data.travel.road.RoadTravelReport;
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
     * @param staging a CSV table of staging locations and {@code stagingMapping} its staging mapping, or both null
     */
    public ImportView upload(String regionId, Part precincts, Part mapping, Part volunteers, Part calendar,
            Part joinTable, Part osm, Part staging, Part stagingMapping, boolean dryRun, boolean skipBadRows) {
        byte[] sheet = bytes(volunteers);
        RegionUpload.Upload files = new RegionUpload.Upload(bytes(precincts), name(precincts), bytes(mapping),
                sheet == null ? null : new String(sheet, StandardCharsets.UTF_8), bytes(calendar), skipBadRows,
                bytes(joinTable), name(joinTable), bytes(staging), bytes(stagingMapping));
        RegionUpload upload =
                new RegionUpload(stores.regions(), properties.archive().limits(), clock.campaignClock());
        try (TemporaryDirectory folder = TemporaryDirectory.create("fieldplan-osm")) {
            // Both read before anything is stored, so that a bad extract stores nothing.
            Path extract = extractFile(osm, folder.path());
            List<Street> streets = extract == null ? null : streets(extract, name(osm));
            try (RoadNetwork network = extract == null ? null : roadNetwork(extract)) {
                RegionUpload.Result result = dryRun ? upload.check(regionId, files) : upload.store(regionId, files);
                List<Precinct> imported = result.report().precincts();
                StreetImporter.Result placed = streets == null ? null : dryRun
                        ? StreetImporter.check(imported, streets, name(osm))
                        : new StreetImporter(streetStore).store(regionId, imported, streets, name(osm));
                List<String> roadTravel = network == null ? List.of()
                        : dryRun ? List.of(RoadTravelReport.networkLine(network.sha256(), network.loadedFromCache()))
                        : new RegionRoadTravel(network).computeAndStore(stores, regionId).lines();
                return ImportView.of(result, placed, roadTravel);
            }
        } catch (UploadRejectedException e) {
            throw ApiException.invalid(e.errors());
        } catch (RegionUpload.RegionIdTakenException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    /** The uploaded extract kept in {@code folder} under a name that tells its format; null without one. */
    private static Path extractFile(Part osm, Path folder) {
        if (osm == null || osm.getSize() == 0) {
            return null;
        }
        // GDAL and GraphHopper tell the formats apart by the file name: XML unless it ends in .pbf.
        Path extract = folder.resolve(name(osm).endsWith(".pbf") ? "extract.osm.pbf" : "extract.osm");
        try (InputStream in = osm.getInputStream()) {
            Files.copy(in, extract);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded OSM extract", e);
        }
        return extract;
    }

    /** The extract's roads with their names, for meeting points on streets and the map's streets layer. */
    private static List<Street> streets(Path extract, String name) {
        try {
            return OsmStreetReader.read(extract, name);
        } catch (OsmStreetReader.UnreadableExtractException e) {
            throw ApiException.invalid("osm", e.getMessage());
        }
    }

    /** The extract's road network for travel times (built, or found in the cache by the file's hash). */
    private static RoadNetwork roadNetwork(Path extract) {
        try {
            return RoadNetwork.open(extract, RoadNetwork.cacheRoot(System.getenv()));
        } catch (RoadNetworkException e) {
            // Not the exception's message: it names the server's temporary file.
            throw ApiException.invalid("osm", "is not an OpenStreetMap extract with roads (.osm.pbf, or .osm XML)");
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
