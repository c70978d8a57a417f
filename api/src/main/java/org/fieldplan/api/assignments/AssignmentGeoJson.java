package org.fieldplan.api.assignments;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldplan.api.config.GeometryJsonModule;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The daily sheet as a GeoJSON FeatureCollection: one {@code precinct} feature per precinct worked (its polygon when
 * the sheet has it, else its centroid) and one {@code trip} feature per assignment, a line from the volunteer's home
 * to where the team meets (on a street when the region has its roads, else the precinct's centroid).
 */
final class AssignmentGeoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private AssignmentGeoJson() {
    }

    static ObjectNode write(DailyAssignments sheet) {
        ObjectNode collection = MAPPER.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        Map<String, VolunteerAssignment.PrecinctInfo> precincts = new LinkedHashMap<>();
        sheet.assignments().forEach(a -> precincts.putIfAbsent(a.precinct().id(), a.precinct()));
        for (VolunteerAssignment.PrecinctInfo precinct : precincts.values()) {
            var geometry = precinct.polygon() != null ? precinct.polygon() : precinct.centroid();
            ObjectNode feature = geometry == null ? features.addObject().put("type", "Feature").putNull("geometry")
                    : feature(features, GeometryJsonModule.toGeoJson(geometry));
            feature.putObject("properties").put("kind", "precinct").put("precinctId", precinct.id())
                    .put("name", precinct.name());
        }
        for (VolunteerAssignment a : sheet.assignments()) {
            Volunteer volunteer = sheet.volunteers().get(a.volunteerId());
            if (volunteer == null || volunteer.getHome() == null || a.precinct().meetingPoint() == null) {
                continue;
            }
            LineString trip = GEOMETRIES.createLineString(new Coordinate[] {
                    volunteer.getHome().getCoordinate(), a.precinct().meetingPoint().point().getCoordinate()});
            ObjectNode feature = feature(features, GeometryJsonModule.toGeoJson(trip));
            feature.putObject("properties").put("kind", "trip").put("volunteerId", a.volunteerId())
                    .put("slotId", a.slotId()).put("precinctId", a.precinct().id())
                    .put("travelMinutes", a.travelMinutes());
        }
        return collection;
    }

    private static ObjectNode feature(ArrayNode features, String geometryJson) {
        ObjectNode feature = features.addObject().put("type", "Feature");
        try {
            feature.set("geometry", MAPPER.readTree(geometryJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JTS wrote invalid GeoJSON", e);
        }
        return feature;
    }
}
