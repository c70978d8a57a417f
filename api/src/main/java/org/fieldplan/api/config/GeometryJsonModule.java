package org.fieldplan.api.config;

import java.io.IOException;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Writes JTS geometries in responses as RFC 7946 GeoJSON geometry objects (longitude first, no {@code crs}).
 * Spring Boot adds every Jackson module bean to its object mapper.
 */
@Component
public class GeometryJsonModule extends SimpleModule {

    /** Enough digits that every coordinate prints exactly. */
    private static final int DECIMALS = 17;

    public GeometryJsonModule() {
        addSerializer(Geometry.class, new JsonSerializer<>() {
            @Override
            public void serialize(Geometry geometry, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeRawValue(toGeoJson(geometry));
            }
        });
    }

    /** The geometry as a GeoJSON geometry object. */
    public static String toGeoJson(Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        return writer.write(geometry);
    }
}
