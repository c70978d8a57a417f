package org.fieldplan.api.streets;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import org.fieldplan.api.cache.RenderedAnswer;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.streets.Street;
import org.fieldplan.data.streets.StreetStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A region's roads for the map, as GeoJSON: only the major classes below {@link #ALL_ROADS_FROM_ZOOM}, every road
 * from it; each line simplified (Douglas–Peucker) to about a pixel at the asked zoom; at most {@link #MAX_ROADS}
 * roads per answer, major ones first ({@code truncated} says when some were left out).
 */
@Service
public class StreetLayer {

    /** The zoom from which minor roads (residential, service, footways …) are drawn too. */
    public static final int ALL_ROADS_FROM_ZOOM = 14;
    public static final int MAX_ROADS = 3_000;
    private static final int MAX_ZOOM = 22;
    /** Web Mercator: a 256-pixel tile spans 360° of longitude at zoom 0. */
    private static final double DEGREES_PER_PIXEL_AT_ZOOM_0 = 360.0 / 256;
    /** Decimals kept per coordinate: about 10 cm. */
    private static final double ROUNDING = 1e6;

    /** The layer; {@code truncated} when more roads meet the box than {@link #MAX_ROADS}. */
    public record Layer(String type, int zoom, boolean majorOnly, boolean truncated, List<Feature> features) {
    }

    public record Feature(String type, Line geometry, Properties properties) {
    }

    public record Line(String type, double[][] coordinates) {
    }

    /** @param roadClass the road's OSM {@code highway} class */
    public record Properties(String name, String roadClass, boolean major) {
    }

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final DataStores stores;
    private final StreetStore streets;
    private final ObjectMapper json;

    public StreetLayer(DataStores stores, StreetStore streets, ObjectMapper json) {
        this.stores = stores;
        this.streets = streets;
        this.json = json;
    }

    /** The layer as GeoJSON bytes, served with an {@code ETag} and gzip like the precinct layer. */
    public RenderedAnswer render(String regionId, String bbox, Integer zoom) {
        try {
            return RenderedAnswer.of(GEO_JSON, json.writeValueAsBytes(layer(regionId, bbox, zoom)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the streets of region " + regionId, e);
        }
    }

    /**
     * @param bbox {@code west,south,east,north} in degrees
     * @throws ApiException 400 naming {@code bbox} or {@code zoom}, 404 for an unknown region
     */
    public Layer layer(String regionId, String bbox, Integer zoom) {
        Envelope box = box(bbox);
        if (zoom == null || zoom < 0 || zoom > MAX_ZOOM) {
            throw ApiException.invalid("zoom", "must be a whole number from 0 to " + MAX_ZOOM + ", was " + zoom);
        }
        try {
            stores.regions().calendar(regionId);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        }
        boolean majorOnly = zoom < ALL_ROADS_FROM_ZOOM;
        List<Street> found = streets.streets(regionId, box, majorOnly, MAX_ROADS + 1);
        double tolerance = DEGREES_PER_PIXEL_AT_ZOOM_0 / (1L << zoom);
        List<Feature> features = found.stream().limit(MAX_ROADS)
                .map(street -> new Feature("Feature", line(DouglasPeuckerSimplifier.simplify(street.line(),
                        tolerance)), new Properties(street.name(), street.roadClass(), street.major())))
                .toList();
        return new Layer("FeatureCollection", zoom, majorOnly, found.size() > MAX_ROADS, features);
    }

    private static Line line(Geometry simplified) {
        return new Line("LineString", Arrays.stream(simplified.getCoordinates())
                .map(c -> new double[] {round(c.x), round(c.y)}).toArray(double[][]::new));
    }

    private static double round(double degrees) {
        return Math.round(degrees * ROUNDING) / ROUNDING;
    }

    private static Envelope box(String bbox) {
        String usage = "must be west,south,east,north in degrees (west < east, south < north), was " + bbox;
        if (bbox == null) {
            throw ApiException.invalid("bbox", usage);
        }
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4) {
            throw ApiException.invalid("bbox", usage);
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw ApiException.invalid("bbox", usage);
        }
        boolean inRange = Math.abs(v[0]) <= 180 && Math.abs(v[2]) <= 180 && Math.abs(v[1]) <= 90
                && Math.abs(v[3]) <= 90;
        if (!inRange || v[0] >= v[2] || v[1] >= v[3]) {
            throw ApiException.invalid("bbox", usage);
        }
        return new Envelope(new Coordinate(v[0], v[1]), new Coordinate(v[2], v[3]));
    }
}
