package org.fieldplan.api.streets;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A region's roads from its OpenStreetMap extract, for the map page's streets layer ({@link StreetLayer}). */
@RestController
public class StreetsController {

    private final StreetLayer layer;

    public StreetsController(StreetLayer layer) {
        this.layer = layer;
    }

    @GetMapping(path = "/api/regions/{regionId}/streets", produces = {"application/geo+json", "application/json"})
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public StreetLayer.Layer streets(@PathVariable String regionId,
            @RequestParam(name = "bbox", required = false) String bbox,
            @RequestParam(name = "zoom", required = false) Integer zoom) {
        return layer.layer(regionId, bbox, zoom);
    }
}
