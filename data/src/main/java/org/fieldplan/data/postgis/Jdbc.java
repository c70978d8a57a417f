package org.fieldplan.data.postgis;

import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.fieldplan.data.Geometries;
import org.fieldplan.data.StoreException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Small JDBC helpers shared by the PostGIS stores: transactions, arrays, nullable numbers and geometries as WKB
 * (binary doubles, so coordinates round-trip exactly). Every value goes to the database as a bind parameter.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Work done on one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction: commits when it returns, rolls back when it throws. */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                // On a lost connection the rollback fails too; the first error says what happened (e.g. 08006).
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            SQLException cause = serverError(e);
            throw new StoreException(what + " failed: " + describe(cause), cause);
        }
    }

    /**
     * The database's own error. A failed batch reports the statement with its bound values (names, phones) in its
     * message, so the batch exception is neither quoted nor chained: only the server's error, which names the row
     * by its key.
     */
    private static SQLException serverError(SQLException e) {
        if (e instanceof BatchUpdateException batch && batch.getNextException() != null) {
            return batch.getNextException();
        }
        return e;
    }

    private static String describe(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
        }
        return e.getMessage();
    }

    public static Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    public static List<String> textList(ResultSet rows, String column) throws SQLException {
        Array array = rows.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    public static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    public static void setNullableDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    public static Integer nullableInt(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    public static Double nullableDouble(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** Binds a geometry for {@code ST_GeomFromWKB(?, 4326)}; null stays null. */
    public static void setGeometry(PreparedStatement statement, int index, Geometry geometry) throws SQLException {
        if (geometry == null) {
            statement.setNull(index, Types.BINARY);
        } else {
            statement.setBytes(index, new WKBWriter(2).write(geometry));
        }
    }

    /** Reads a column selected as {@code ST_AsBinary(geom)}. */
    public static Geometry geometry(ResultSet rows, String column) throws SQLException {
        byte[] wkb = rows.getBytes(column);
        if (wkb == null) {
            return null;
        }
        try {
            return new WKBReader(Geometries.FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new SQLException("unreadable geometry in " + column, e);
        }
    }
}
