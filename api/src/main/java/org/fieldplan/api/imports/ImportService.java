package org.fieldplan.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.importer.RegionUpload;
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
    private final ImportProperties properties;
    private final PlanClock clock;

    public ImportService(DataStores stores, ImportProperties properties, PlanClock clock) {
        this.stores = stores;
        this.properties = properties;
        this.clock = clock;
    }

    public ImportView upload(String regionId, Part precincts, Part mapping, Part volunteers, Part calendar,
            Part joinTable, boolean dryRun, boolean skipBadRows) {
        byte[] sheet = bytes(volunteers);
        RegionUpload.Upload files = new RegionUpload.Upload(bytes(precincts), name(precincts), bytes(mapping),
                sheet == null ? null : new String(sheet, StandardCharsets.UTF_8), bytes(calendar), skipBadRows,
                bytes(joinTable), name(joinTable));
        RegionUpload upload =
                new RegionUpload(stores.regions(), properties.archive().limits(), clock.campaignClock());
        try {
            return ImportView.of(dryRun ? upload.check(regionId, files) : upload.store(regionId, files));
        } catch (UploadRejectedException e) {
            throw ApiException.invalid(e.errors());
        } catch (RegionUpload.RegionIdTakenException e) {
            throw ApiException.conflict(e.getMessage());
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
