package org.fieldplan.api.streets;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A region's roads from its OpenStreetMap extract, for the map page's streets layer ({@link StreetLayer}). */
@RestController
public class StreetsController {

    private final StreetLayer layer;

    public StreetsController(StreetLayer layer) {
        this.layer = layer;
    }

    /** GeoJSON ({@link StreetLayer.Layer}); {@code ETag}, 304 and gzip as for the precinct layer. */
    @GetMapping("/api/regions/{regionId}/streets")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ResponseEntity<byte[]> streets(@PathVariable String regionId,
            @RequestParam(name = "bbox", required = false) String bbox,
            @RequestParam(name = "zoom", required = false) Integer zoom,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        return layer.render(regionId, bbox, zoom).respond(ifNoneMatch, acceptEncoding);
    }
}
