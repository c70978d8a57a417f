package org.fieldplan.data.region;

import java.util.Map;

import org.fieldplan.data.StoreException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text of the region's parameter records and raw attributes, as stored in {@code jsonb} columns. */
final class JsonAttributes {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonAttributes() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("not storable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable stored JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable stored JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The map as it reads back from JSON (numbers as Integer/Long/Double, nested lists and maps). */
    static Map<String, Object> normalize(Map<String, Object> attributes) {
        return readMap(write(attributes));
    }
}
