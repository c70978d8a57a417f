package org.fieldplan.data.io;

import java.io.IOException;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Jackson (de)serialization of JTS geometries as RFC 7946 GeoJSON geometry objects, through jts-io-common.
 *
 * <p>Chosen over n52's jackson-datatype-jts, which rounds coordinates to 8 decimals (so reading and writing a
 * surveyed polygon would not round-trip) and fails with a NullPointerException on an empty polygon instead of
 * returning an empty geometry that validation can name.
 */
final class GeoJsonGeometryModule extends SimpleModule {

    /** WGS84 longitude/latitude, the only coordinate system RFC 7946 allows. */
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** Enough digits that every double prints as its shortest exact representation. */
    private static final int MAX_DECIMALS = 17;

    GeoJsonGeometryModule() {
        super("GeoJsonGeometryModule");
        addSerializer(Geometry.class, new GeometrySerializer());
        addDeserializer(Geometry.class, new GeometryDeserializer<>(Geometry.class));
        addDeserializer(org.locationtech.jts.geom.Point.class,
                new GeometryDeserializer<>(org.locationtech.jts.geom.Point.class));
    }

    private static final class GeometrySerializer extends JsonSerializer<Geometry> {
        @Override
        public void serialize(Geometry geometry, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            GeoJsonWriter writer = new GeoJsonWriter(MAX_DECIMALS);
            writer.setEncodeCRS(false); // RFC 7946 removed "crs": coordinates are always WGS84.
            generator.writeRawValue(writer.write(geometry));
        }
    }

    private static final class GeometryDeserializer<G extends Geometry> extends JsonDeserializer<G> {
        private final Class<G> type;

        GeometryDeserializer(Class<G> type) {
            this.type = type;
        }

        @Override
        public G deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            Geometry geometry;
            try {
                geometry = new GeoJsonReader(WGS84).read(node.toString());
            } catch (ParseException | RuntimeException e) {
                // The reader's own messages are vague ("Could not parse Polygon"); say what is expected.
                return context.reportInputMismatch(type, "is not a GeoJSON %s geometry (%s)", expected(),
                        e.getMessage());
            }
            if (!type.isInstance(geometry)) {
                return context.reportInputMismatch(type, "must be a GeoJSON %s, not a %s", expected(),
                        geometry.getGeometryType());
            }
            return type.cast(geometry);
        }

        private String expected() {
            return type == Geometry.class ? "Polygon or MultiPolygon" : type.getSimpleName();
        }
    }
}
