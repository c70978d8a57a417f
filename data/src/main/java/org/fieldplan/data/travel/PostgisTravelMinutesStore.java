package org.fieldplan.data.travel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.fieldplan.data.postgis.Jdbc;

/** {@link TravelMinutesStore} in table {@code volunteer_travel_minutes}: one row per volunteer, arrays of pairs. */
public final class PostgisTravelMinutesStore implements TravelMinutesStore {

    /** Rows per batch: each carries a volunteer's hundreds of pairs. */
    private static final int BATCH = 500;

    private final DataSource dataSource;

    public PostgisTravelMinutesStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void replace(String regionId, String source, Map<String, Map<String, Double>> minutes) {
        Jdbc.inTransaction(dataSource, "travel minutes of region " + regionId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM volunteer_travel_minutes WHERE region_id = ?");
                    PreparedStatement insert = connection.prepareStatement("""
                            INSERT INTO volunteer_travel_minutes (region_id, volunteer_id, osm_sha256, precinct_ids,
                                minutes) VALUES (?, ?, ?, ?, ?)""")) {
                delete.setString(1, regionId);
                delete.executeUpdate();
                int pending = 0;
                for (Map.Entry<String, Map<String, Double>> row : minutes.entrySet()) {
                    List<Map.Entry<String, Double>> pairs = List.copyOf(row.getValue().entrySet());
                    insert.setString(1, regionId);
                    insert.setString(2, row.getKey());
                    insert.setString(3, source);
                    insert.setArray(4, Jdbc.textArray(connection, pairs.stream().map(Map.Entry::getKey).toList()));
                    insert.setArray(5, connection.createArrayOf("real",
                            pairs.stream().map(p -> p.getValue().floatValue()).toArray(Float[]::new)));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<String, Map<String, Double>> load(String regionId, Collection<String> volunteerIds) {
        return Jdbc.inTransaction(dataSource, "travel minutes of region " + regionId, connection -> {
            Map<String, Map<String, Double>> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT volunteer_id, precinct_ids, minutes FROM volunteer_travel_minutes
                    WHERE region_id = ? AND volunteer_id = ANY (?)""")) {
                select.setString(1, regionId);
                select.setArray(2, Jdbc.textArray(connection, volunteerIds));
                select.setFetchSize(BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String[] precinctIds = (String[]) rows.getArray(2).getArray();
                        Float[] minutes = (Float[]) rows.getArray(3).getArray();
                        Map<String, Double> row = new HashMap<>(precinctIds.length * 2);
                        for (int i = 0; i < precinctIds.length; i++) {
                            row.put(precinctIds[i], minutes[i].doubleValue());
                        }
                        found.put(rows.getString(1), row);
                    }
                }
            }
            return found;
        });
    }
}
