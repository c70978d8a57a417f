package org.fieldplan.data.travel.road;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small OpenStreetMap file written by the tests: two street grids of 11 × 11 junctions either side of a river
 * that runs north–south at longitude {@link #RIVER_LON}, joined by one bridge on their northern edge. A trip straight
 * across the river must go up to the bridge and back down.
 */
final class RiverTown {

    static final double WEST_LON = -83.000;
    static final double EAST_LON = -82.976;
    static final double SOUTH_LAT = 39.950;
    static final double SPACING = 0.002;
    static final int SIZE = 11;
    static final double RIVER_LON = -82.978;
    static final double NORTH_LAT = SOUTH_LAT + SPACING * (SIZE - 1);
    /** The west grid's eastern edge, on the river bank. */
    static final double WEST_BANK_LON = WEST_LON + SPACING * (SIZE - 1);

    private RiverTown() {
    }

    static Path write(Path folder) throws IOException {
        StringBuilder osm = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n");
        List<String> ways = new ArrayList<>();
        long[] nextWay = {1};
        grid(osm, ways, nextWay, 10_000, WEST_LON);
        grid(osm, ways, nextWay, 20_000, EAST_LON);
        // The bridge: from the west grid's north-east corner to the east grid's north-west corner.
        ways.add(way(nextWay[0]++, List.of(node(10_000, SIZE - 1, SIZE - 1), node(20_000, 0, SIZE - 1)),
                "<tag k=\"highway\" v=\"residential\"/><tag k=\"bridge\" v=\"yes\"/><tag k=\"layer\" v=\"1\"/>"));
        osm.append(String.format("<node id=\"9001\" lat=\"%.6f\" lon=\"%.6f\" version=\"1\"/>%n", SOUTH_LAT - 0.01,
                RIVER_LON));
        osm.append(String.format("<node id=\"9002\" lat=\"%.6f\" lon=\"%.6f\" version=\"1\"/>%n", NORTH_LAT + 0.01,
                RIVER_LON));
        ways.add(way(nextWay[0]++, List.of(9001L, 9002L), "<tag k=\"waterway\" v=\"river\"/>"));
        ways.forEach(osm::append);
        osm.append("</osm>\n");
        Path file = folder.resolve("river-town.osm");
        Files.writeString(file, osm);
        return file;
    }

    /** 11 × 11 junctions from {@code westLon}, one residential street per row and per column. */
    private static void grid(StringBuilder osm, List<String> ways, long[] nextWay, long base, double westLon) {
        for (int x = 0; x < SIZE; x++) {
            for (int y = 0; y < SIZE; y++) {
                osm.append(String.format("<node id=\"%d\" lat=\"%.6f\" lon=\"%.6f\" version=\"1\"/>%n",
                        node(base, x, y), SOUTH_LAT + y * SPACING, westLon + x * SPACING));
            }
        }
        String street = "<tag k=\"highway\" v=\"residential\"/>";
        for (int line = 0; line < SIZE; line++) {
            List<Long> row = new ArrayList<>();
            List<Long> column = new ArrayList<>();
            for (int i = 0; i < SIZE; i++) {
                row.add(node(base, i, line));
                column.add(node(base, line, i));
            }
            ways.add(way(nextWay[0]++, row, street));
            ways.add(way(nextWay[0]++, column, street));
        }
    }

    private static long node(long base, int x, int y) {
        return base + x * 100L + y;
    }

    private static String way(long id, List<Long> nodes, String tags) {
        StringBuilder way = new StringBuilder("<way id=\"" + id + "\" version=\"1\">");
        nodes.forEach(n -> way.append("<nd ref=\"").append(n).append("\"/>"));
        return way.append(tags).append("</way>\n").toString();
    }
}
