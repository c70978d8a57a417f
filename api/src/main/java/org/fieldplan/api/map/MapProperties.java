package org.fieldplan.api.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map page's settings under {@code fieldplan.map}.
 *
 * @param tileUrl a base-map tile URL template ({@code https://tiles.example/{z}/{x}/{y}.png}); blank for none, the
 *     default, so the page loads nothing from outside the service
 * @param tileAttribution the credit the tile provider asks for, shown in the map's corner
 */
@ConfigurationProperties("fieldplan.map")
public record MapProperties(String tileUrl, String tileAttribution) {

    /** Whether a base map is configured. */
    public boolean hasTiles() {
        return tileUrl != null && !tileUrl.isBlank();
    }
}
