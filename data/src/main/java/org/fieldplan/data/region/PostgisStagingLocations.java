package org.fieldplan.data.region;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.domain.StagingLocation;
import org.locationtech.jts.geom.Point;

/** The {@code staging_location} rows of {@link PostgisRegionStore}, on the caller's connection and transaction. */
final class PostgisStagingLocations {

    private PostgisStagingLocations() {
    }

    static List<StagingLocation> read(Connection connection, String regionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, name, address, hours::text AS hours, teams_per_slot, ST_AsBinary(geom) AS geom
                FROM staging_location WHERE region_id = ? ORDER BY position""")) {
            select.setString(1, regionId);
            try (ResultSet rows = select.executeQuery()) {
                List<StagingLocation> locations = new ArrayList<>();
                while (rows.next()) {
                    locations.add(new StagingLocation(rows.getString("id"), rows.getString("name"),
                            rows.getString("address"), (Point) Jdbc.geometry(rows, "geom"),
                            RegionJsonColumns.hours(rows.getString("hours")), rows.getInt("teams_per_slot")));
                }
                return locations;
            }
        }
    }

    /** Reads them after checking the region exists. @throws NoSuchElementException for an unknown region */
    static List<StagingLocation> readOfRegion(Connection connection, String regionId) throws SQLException {
        lockRegion(connection, regionId, false);
        return read(connection, regionId);
    }

    /** Adds after the region's others; a taken id fails the primary key and rolls back the caller's transaction. */
    static void insert(Connection connection, String regionId, List<StagingLocation> locations) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO staging_location (region_id, id, name, address, hours, teams_per_slot, geom)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ST_GeomFromWKB(?, 4326))""")) {
            for (StagingLocation location : locations) {
                insert.setString(1, regionId);
                insert.setString(2, location.id());
                insert.setString(3, location.name());
                insert.setString(4, location.address());
                insert.setString(5, RegionJsonColumns.hours(location.hours()));
                insert.setInt(6, location.teamsPerSlot());
                Jdbc.setGeometry(insert, 7, location.point());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Adds to a stored region, refusing taken ids with a message naming them. */
    static void add(Connection connection, String regionId, List<StagingLocation> locations) throws SQLException {
        lockRegion(connection, regionId, true);
        Set<String> ids = new HashSet<>();
        for (StagingLocation location : locations) {
            if (!ids.add(location.id())) {
                throw new TakenIdException("staging location " + location.id() + " is listed twice");
            }
        }
        List<String> taken = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM staging_location WHERE region_id = ? AND id = ANY (?) ORDER BY id")) {
            select.setString(1, regionId);
            select.setArray(2, Jdbc.textArray(connection, locations.stream().map(StagingLocation::id).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    taken.add(rows.getString("id"));
                }
            }
        }
        if (!taken.isEmpty()) {
            throw new TakenIdException("region " + regionId + " already has staging location " + taken.get(0));
        }
        insert(connection, regionId, locations);
    }

    /** Replaces the location of the same id in place (keeping its position); false when there is none. */
    static boolean update(Connection connection, String regionId, StagingLocation location) throws SQLException {
        lockRegion(connection, regionId, true);
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE staging_location SET name = ?, address = ?, hours = ?::jsonb, teams_per_slot = ?,
                    geom = ST_GeomFromWKB(?, 4326)
                WHERE region_id = ? AND id = ?""")) {
            update.setString(1, location.name());
            update.setString(2, location.address());
            update.setString(3, RegionJsonColumns.hours(location.hours()));
            update.setInt(4, location.teamsPerSlot());
            Jdbc.setGeometry(update, 5, location.point());
            update.setString(6, regionId);
            update.setString(7, location.id());
            return update.executeUpdate() == 1;
        }
    }

    static boolean delete(Connection connection, String regionId, String id) throws SQLException {
        lockRegion(connection, regionId, true);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM staging_location WHERE region_id = ? AND id = ?")) {
            delete.setString(1, regionId);
            delete.setString(2, id);
            return delete.executeUpdate() == 1;
        }
    }

    /** Checks the region exists; for writes, locks its row so concurrent changes to its locations queue up. */
    private static void lockRegion(Connection connection, String regionId, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM region WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, regionId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchElementException("unknown region " + regionId);
                }
            }
        }
    }
}
