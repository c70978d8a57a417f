package org.fieldplan.data.streets;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.fieldplan.data.postgis.Jdbc;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/** Roads and meeting points in PostGIS (tables {@code street}, {@code meeting_point}; GiST index on the roads). */
public final class PostgisStreetStore implements StreetStore {

    private static final int BATCH = 1_000;

    private final DataSource dataSource;

    /** @param dataSource a database migrated by {@link org.fieldplan.data.postgis.PostgisSchema} */
    public PostgisStreetStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void replace(String regionId, List<Street> streets, Collection<MeetingPoint> meetingPoints) {
        Jdbc.inTransaction(dataSource, "storing the roads of region " + regionId, connection -> {
            for (String table : List.of("street", "meeting_point")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE region_id = ?")) {
                    delete.setString(1, regionId);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO street (region_id, id, name, "
                    + "road_class, public_access, major, geom) VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326))")) {
                for (int i = 0; i < streets.size(); i++) {
                    Street street = streets.get(i);
                    insert.setString(1, regionId);
                    insert.setInt(2, i);
                    insert.setString(3, street.name());
                    insert.setString(4, street.roadClass());
                    insert.setBoolean(5, street.publicAccess());
                    insert.setBoolean(6, street.major());
                    Jdbc.setGeometry(insert, 7, street.line());
                    insert.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO meeting_point (region_id, "
                    + "precinct_id, street, metres, geom) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326))")) {
                for (MeetingPoint point : meetingPoints) {
                    insert.setString(1, regionId);
                    insert.setString(2, point.precinctId());
                    insert.setString(3, point.street());
                    insert.setDouble(4, point.metres());
                    Jdbc.setGeometry(insert, 5, point.point());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Street> streets(String regionId, Envelope box, boolean majorOnly, int limit) {
        return Jdbc.inTransaction(dataSource, "reading the roads of region " + regionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT name, road_class, public_access, "
                    + "ST_AsBinary(geom) AS geom FROM street WHERE region_id = ? "
                    + "AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND (major OR NOT ?) "
                    + "ORDER BY major DESC, id LIMIT ?")) {
                select.setString(1, regionId);
                select.setDouble(2, box.getMinX());
                select.setDouble(3, box.getMinY());
                select.setDouble(4, box.getMaxX());
                select.setDouble(5, box.getMaxY());
                select.setBoolean(6, majorOnly);
                select.setInt(7, limit);
                List<Street> streets = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        streets.add(new Street(rows.getString("name"), rows.getString("road_class"),
                                rows.getBoolean("public_access"), (LineString) Jdbc.geometry(rows, "geom")));
                    }
                }
                return streets;
            }
        });
    }

    @Override
    public Map<String, MeetingPoint> meetingPoints(String regionId) {
        return Jdbc.inTransaction(dataSource, "reading the meeting points of region " + regionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT precinct_id, street, metres, "
                    + "ST_AsBinary(geom) AS geom FROM meeting_point WHERE region_id = ?")) {
                select.setString(1, regionId);
                Map<String, MeetingPoint> points = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        points.put(rows.getString("precinct_id"), new MeetingPoint(rows.getString("precinct_id"),
                                (Point) Jdbc.geometry(rows, "geom"), rows.getString("street"),
                                rows.getDouble("metres")));
                    }
                }
                return points;
            }
        });
    }
}
