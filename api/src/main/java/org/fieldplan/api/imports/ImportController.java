package org.fieldplan.api.imports;

import java.net.URI;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.Part;

/**
 * Uploading a region: {@code multipart/form-data} with the parts {@code precincts} (the precinct file),
 * {@code mapping} (a mapping file, or a preset's name), and optionally {@code volunteers} (CSV) and {@code calendar}
 * (JSON), {@code joinTable} (the table a mapping's {@code join} joins, e.g. election results) and {@code osm} (the
 * region's OpenStreetMap extract: the volunteers' travel over its roads, meeting points on streets); each a file or
 * a plain form field ({@code -F mapping=new-hampshire}); {@code staging} and {@code stagingMapping}: a CSV table of
 * staging locations and the staging mapping it is read through ({@code docs/staging.md}). With {@code dryRun=true} the answer is the report and preview and nothing is stored (200); otherwise the
 * region is stored (201). {@code skipBadRows=true} leaves unusable features out (listed) instead of rejecting.
 */
@RestController
public class ImportController {

    private final ImportService imports;

    public ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/regions/{regionId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public ResponseEntity<ImportView> upload(@PathVariable String regionId,
            @RequestPart(name = "precincts", required = false) Part precincts,
            @RequestPart(name = "mapping", required = false) Part mapping,
            @RequestPart(name = "volunteers", required = false) Part volunteers,
            @RequestPart(name = "calendar", required = false) Part calendar,
            @RequestPart(name = "joinTable", required = false) Part joinTable,
            @RequestPart(name = "osm", required = false) Part osm,
            @RequestPart(name = "staging", required = false) Part staging,
            @RequestPart(name = "stagingMapping", required = false) Part stagingMapping,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
            @RequestParam(name = "skipBadRows", defaultValue = "false") boolean skipBadRows) {
        ImportView view = imports.upload(regionId, precincts, mapping, volunteers, calendar, joinTable, osm, staging,
                stagingMapping, dryRun, skipBadRows);
        return dryRun ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/regions/" + regionId + "/calendar")).body(view);
    }
}
