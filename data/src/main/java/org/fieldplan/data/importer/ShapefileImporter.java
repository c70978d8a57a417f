package org.fieldplan.data.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.fieldplan.data.StoreException;
import org.fieldplan.data.postgis.Jdbc;
import org.fieldplan.io.PrecinctColumnMapping;
import org.fieldplan.io.PrecinctImport;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Imports precincts from a zipped ESRI shapefile with PostGIS's {@code shp2pgsql} (Debian package {@code postgis}):
 * the shapefile is loaded into a staging table in its own reference system (SRID from the {@code .prj}), turned into
 * WGS84 with {@code ST_Transform}, repaired with {@code ST_MakeValid} (keeping only the polygonal parts), and read
 * back as GeoJSON features; from there it is the same import as {@link PrecinctImporter}, with the same column
 * mapping, so a shapefile and its GeoJSON export give the same precincts.
 *
 * <p>Only the table definition {@code shp2pgsql} derives from the file's column names runs as SQL text; the rows go
 * through {@code COPY} as data, never into a statement. The staging table lives only inside one transaction.
 */
public final class ShapefileImporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SHP2PGSQL_TIMEOUT_MINUTES = 10;

    private final DataSource dataSource;
    private final PrecinctImporter precincts;

    /**
     * @param dataSource the PostGIS database to stage in (usually the one {@code precincts} stores into)
     */
    public ShapefileImporter(DataSource dataSource, PrecinctImporter precincts) {
        this.dataSource = dataSource;
        this.precincts = precincts;
    }

    /**
     * Imports the shapefile in {@code zip} as region {@code regionId}.
     *
     * @throws ImportRejectedException when a precinct is unusable (row = the shapefile record's index)
     * @throws StoreException when the archive or its reference system is unusable or shp2pgsql fails
     */
    public PrecinctImport importZip(String regionId, Path zip, PrecinctColumnMapping mapping) {
        byte[] features;
        try (ShapefileBundle shapefile = ShapefileBundle.unzip(zip)) {
            features = stage(shapefile, zip);
        }
        return precincts.importCollection(regionId, "Precincts of " + zip.getFileName(), features, mapping,
                zip.toString());
    }

    /** The shapefile as a WGS84 GeoJSON FeatureCollection, in record order. */
    private byte[] stage(ShapefileBundle shapefile, Path zip) {
        String table = "shapefile_staging_" + UUID.randomUUID().toString().replace("-", "");
        Shp2pgsqlOutput output = Shp2pgsqlOutput.parse(shp2pgsql(shapefile, "public." + table, zip), zip);
        return Jdbc.inTransaction(dataSource, "staging " + zip.getFileName(), connection -> {
            for (String statement : output.tableDefinition()) {
                try (PreparedStatement ddl = connection.prepareStatement(statement)) {
                    ddl.execute();
                }
            }
            copyRows(connection, output);
            byte[] collection = features(connection, table);
            try (PreparedStatement drop = connection.prepareStatement("DROP TABLE public." + table)) {
                drop.execute();
            }
            return collection;
        });
    }

    private static String shp2pgsql(ShapefileBundle shapefile, String table, Path zip) {
        Path sql = shapefile.shp().resolveSibling("load.sql");
        Path log = shapefile.shp().resolveSibling("shp2pgsql.log");
        // -D: rows as COPY data; -k: keep the column names' case, as the mappings spell them.
        ProcessBuilder command = new ProcessBuilder("shp2pgsql", "-D", "-k", "-s", String.valueOf(shapefile.srid()),
                "-g", "geom", "-W", shapefile.encoding(), shapefile.shp().toString(), table)
                .redirectOutput(sql.toFile())
                .redirectError(log.toFile());
        try {
            Process process = command.start();
            if (!process.waitFor(SHP2PGSQL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new StoreException("shp2pgsql did not finish " + zip + " within "
                        + SHP2PGSQL_TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new StoreException("shp2pgsql could not read " + zip + ": "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            return Files.readString(sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot run shp2pgsql (install the Debian package postgis): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while shp2pgsql read " + zip, e);
        }
    }

    private static void copyRows(Connection connection, Shp2pgsqlOutput output) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(output.copyStatement(), new StringReader(output.copyData()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stream the shapefile's rows", e);
        }
    }

    private static byte[] features(Connection connection, String table) throws SQLException {
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT (to_jsonb(s) - 'gid' - 'geom')::text AS properties,
                    ST_AsGeoJSON(ST_CollectionExtract(ST_MakeValid(ST_Transform(geom, 4326)), 3), 15) AS geometry
                FROM public.%s s ORDER BY gid""".formatted(table));
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ObjectNode feature = features.addObject().put("type", "Feature");
                feature.set("properties", JSON.readTree(rows.getString("properties")));
                String geometry = rows.getString("geometry");
                feature.set("geometry", geometry == null ? null : JSON.readTree(geometry));
            }
            return JSON.writeValueAsBytes(collection);
        } catch (JsonProcessingException e) {
            throw new SQLException("PostGIS returned unreadable JSON", e);
        }
    }

    /** The parts of shp2pgsql's {@code -D} output: the table definition, then the rows as COPY data. */
    private record Shp2pgsqlOutput(List<String> tableDefinition, String copyStatement, String copyData) {

        /** Statements shp2pgsql writes to define the staging table; anything else is refused. */
        private static final List<String> DEFINITION_PREFIXES =
                List.of("CREATE TABLE ", "ALTER TABLE ", "SELECT AddGeometryColumn(");

        static Shp2pgsqlOutput parse(String sql, Path zip) {
            List<String> definition = new ArrayList<>();
            StringBuilder statement = new StringBuilder();
            String[] lines = sql.split("\n", -1);
            int i = 0;
            for (; i < lines.length && !lines[i].startsWith("COPY "); i++) {
                statement.append(lines[i]).append('\n');
                if (lines[i].endsWith(";")) {
                    String text = statement.toString().strip();
                    statement.setLength(0);
                    text = text.substring(0, text.length() - 1);
                    if (text.startsWith("SET ") || text.equals("BEGIN")) {
                        continue; // the transaction and the UTF-8 client encoding are the driver's
                    }
                    if (DEFINITION_PREFIXES.stream().noneMatch(text::startsWith)) {
                        throw new StoreException("unexpected shp2pgsql output for " + zip + ": " + text);
                    }
                    definition.add(text);
                }
            }
            if (i == lines.length) {
                throw new StoreException("shp2pgsql wrote no rows for " + zip);
            }
            String copy = lines[i].substring(0, lines[i].length() - 1);
            StringBuilder data = new StringBuilder();
            for (i++; i < lines.length && !lines[i].equals("\\."); i++) {
                data.append(lines[i]).append('\n');
            }
            return new Shp2pgsqlOutput(definition, copy, data.toString());
        }
    }
}
