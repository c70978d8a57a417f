package org.fieldplan.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.importer.RegionUpload;
import org.fieldplan.data.importer.UploadRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Strategists' uploads of a region ({@link RegionUpload}): a dry run that reports and previews and stores nothing,
 * or the import itself. Bad files are 400 naming the part and field; a region id that is taken is 409.
 */
@Service
public class ImportService {

    private final DataStores stores;

    public ImportService(DataStores stores) {
        this.stores = stores;
    }

    public ImportView upload(String regionId, MultipartFile precincts, MultipartFile mapping,
            MultipartFile volunteers, MultipartFile calendar, boolean dryRun, boolean skipBadRows) {
        RegionUpload.Upload files = new RegionUpload.Upload(bytes(precincts), name(precincts), bytes(mapping),
                volunteers == null || volunteers.isEmpty() ? null
                        : new String(bytes(volunteers), StandardCharsets.UTF_8),
                bytes(calendar), skipBadRows);
        RegionUpload upload = new RegionUpload(stores.regions());
        try {
            return ImportView.of(dryRun ? upload.check(regionId, files) : upload.store(regionId, files));
        } catch (UploadRejectedException e) {
            throw ApiException.invalid(e.errors());
        } catch (RegionUpload.RegionIdTakenException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded " + file.getName(), e);
        }
    }

    private static String name(MultipartFile file) {
        return file == null || file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    }
}
