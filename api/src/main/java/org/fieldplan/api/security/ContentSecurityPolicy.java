package org.fieldplan.api.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldplan.api.map.MapProperties;

/**
 * The Content-Security-Policy of every page and answer: scripts, styles, fonts and requests only from the service
 * itself, no inline script or event handler (so markup that slipped into a shown value cannot run), no plugins, no
 * {@code <base>}, no framing, forms posting only here; images from the service, {@code data:} URIs (Leaflet's CSS)
 * and, when a base map is configured, its tile server.
 */
final class ContentSecurityPolicy {

    private static final Pattern ORIGIN = Pattern.compile("^(https?)://([^/?#]+)");
    /** A host CSP can name: {@code *.} only as the leftmost label, an optional port. */
    private static final Pattern CSP_HOST = Pattern.compile("(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?");

    private ContentSecurityPolicy() {
    }

    static String of(MapProperties map) {
        return policy("'self'", map);
    }

    /**
     * The same for Springdoc's Swagger UI ({@code /swagger-ui/**}), except that it may set inline styles, which
     * its bundle does; scripts stay the service's own.
     */
    static String swaggerUi(MapProperties map) {
        return policy("'self' 'unsafe-inline'", map);
    }

    private static String policy(String styles, MapProperties map) {
        String tiles = map == null || !map.hasTiles() ? "" : tileSource(map.tileUrl().strip());
        return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src 'self' data:" + tiles
                + "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self'";
    }

    /**
     * The tile server as a CSP source: {@code https://{s}.tile.example/{z}/{x}/{y}.png} gives
     * {@code https://*.tile.example}; a template whose host CSP cannot name gives its whole scheme, a relative one
     * nothing (it is the service itself).
     */
    static String tileSource(String template) {
        Matcher origin = ORIGIN.matcher(template);
        if (!origin.find()) {
            return "";
        }
        String host = origin.group(2).replaceAll("\\{[^}]*}", "*");
        return " " + (CSP_HOST.matcher(host).matches() ? origin.group(1) + "://" + host : origin.group(1) + ":");
    }
}
