package org.fieldplan.data.region;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.StoreException;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.StagingLocation.OpeningHours;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code jsonb} text of a staging location's opening hours and a volunteer's deployment offers, as the PostGIS
 * store keeps them: ISO dates and times as strings, so the rows read well in psql.
 */
final class RegionJsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private RegionJsonColumns() {
    }

    static String hours(List<OpeningHours> hours) {
        return JsonAttributes.write(hours.stream().map(h -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", h.date().toString());
            row.put("open", h.open().toString());
            row.put("close", h.close().toString());
            return row;
        }).toList());
    }

    static List<OpeningHours> hours(String json) {
        return rows(json).stream().map(row -> new OpeningHours(LocalDate.parse((String) row.get("date")),
                LocalTime.parse((String) row.get("open")), LocalTime.parse((String) row.get("close")))).toList();
    }

    /** Null for no offers, so volunteers without any keep a null column. */
    static String offers(List<DeploymentOffer> offers) {
        return offers.isEmpty() ? null : JsonAttributes.write(offers.stream().map(o -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", o.date().toString());
            row.put("maxTravelMinutes", o.maxTravelMinutes());
            row.put("minSlots", o.minSlots());
            return row;
        }).toList());
    }

    static List<DeploymentOffer> offers(String json) {
        return json == null ? List.of() : rows(json).stream().map(row -> new DeploymentOffer(
                LocalDate.parse((String) row.get("date")), ((Number) row.get("maxTravelMinutes")).intValue(),
                ((Number) row.get("minSlots")).intValue())).toList();
    }

    private static List<Map<String, Object>> rows(String json) {
        try {
            return MAPPER.readValue(json, ROWS);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable stored JSON: " + e.getOriginalMessage(), e);
        }
    }
}
