package org.fieldplan.api.staging;

import java.io.IOException;
import java.util.List;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A region's staging locations: organizers read them, strategists change them and close them for a slot ({@code docs/staging.md}). */
@RestController
@RequestMapping("/api/regions/{regionId}/staging-locations")
public class StagingController {

    private final StagingService staging;
    private final StagingClosures closures;

    public StagingController(StagingService staging, StagingClosures closures) {
        this.staging = staging;
        this.closures = closures;
    }

    @GetMapping
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public List<StagingLocationView> stagingLocations(@PathVariable String regionId) {
        return staging.list(regionId);
    }

    /** Body: one staging location of the problem format. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public StagingLocationView addStagingLocation(@PathVariable String regionId,
            @RequestBody(required = false) String body) {
        return staging.add(regionId, body);
    }

    /** Multipart: {@code file} (CSV, one location a row, or a point file) and {@code mapping} (a staging mapping). */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public List<StagingLocationView> importStagingLocations(@PathVariable String regionId,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestPart(name = "mapping", required = false) MultipartFile mapping) throws IOException {
        return staging.importFile(regionId, file == null ? null : file.getBytes(),
                file == null ? "file" : String.valueOf(file.getOriginalFilename()),
                mapping == null ? null : mapping.getBytes());
    }

    @PutMapping(path = "/{locationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public StagingLocationView replaceStagingLocation(@PathVariable String regionId, @PathVariable String locationId,
            @RequestBody(required = false) String body) {
        return staging.replace(regionId, locationId, body);
    }

    @DeleteMapping("/{locationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public void removeStagingLocation(@PathVariable String regionId, @PathVariable String locationId) {
        staging.remove(regionId, locationId);
    }

    /** The location closes for a slot: the live plan's teams meeting there then move. */
    @PostMapping("/{locationId}/closures")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public StagingClosures.Closure closeStagingLocation(@PathVariable String regionId, @PathVariable String locationId,
            @RequestBody(required = false) StagingClosures.Request request, Caller caller) {
        return closures.close(regionId, locationId, request, caller);
    }
}
