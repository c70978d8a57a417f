package org.fieldplan.api.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of region uploads ({@code fieldplan.import.*}).
 *
 * @param maxUploadBytes the largest upload (all parts together) to {@value #ROUTE_PATTERN}; larger is refused with
 *     413. Real precinct files are a few MB per state (Rhode Island's GeoJSON is 8 MB), so the default of 100 MB
 *     leaves room for the largest states' files while the rest of the API keeps its small limit.
 */
@ConfigurationProperties("fieldplan.import")
public record ImportProperties(@DefaultValue("104857600") long maxUploadBytes) {

    /** The upload route, as an Ant-style path pattern. */
    public static final String ROUTE_PATTERN = "/api/regions/*/import";
}
