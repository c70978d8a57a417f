package org.fieldplan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;

/**
 * A town's roads as an OpenStreetMap extract (XML), written for a box: named residential streets every
 * {@link #STREET_SPACING} degrees of latitude ("Maple Street 1", …), unnamed service roads between them, and major
 * roads every {@link #MAJOR_SPACING} degrees of longitude ("Route 2", …, primary), each major road drawn with a point
 * every {@link #MAJOR_POINT_SPACING} degrees and a slight wiggle, so a simplification has points to drop.
 */
final class StreetGrid {

    static final double STREET_SPACING = 0.004;
    static final double MAJOR_SPACING = 0.05;
    static final double MAJOR_POINT_SPACING = 0.0005;
    private static final String[] NAMES = {"Maple Street", "Oak Avenue", "Elm Road", "High Street", "Cedar Lane"};

    // Nodes before ways, as in any extract (GraphHopper's reader, unlike GDAL's, needs that order).
    private final StringBuilder nodes = new StringBuilder(
            "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n");
    private final StringBuilder xml = new StringBuilder();
    private int node = 1;
    private int way = 1;

    private StreetGrid() {
    }

    /** The extract, written into {@code directory}; {@code box} grown a little so edge precincts have roads. */
    static Path write(Envelope box, Path directory) {
        StreetGrid grid = new StreetGrid();
        Envelope area = new Envelope(box);
        area.expandBy(STREET_SPACING);
        int row = 0;
        for (double lat = area.getMinY(); lat <= area.getMaxY(); lat += STREET_SPACING, row++) {
            grid.way(new double[][] {{area.getMinX(), lat}, {area.getMaxX(), lat}}, "residential",
                    NAMES[row % NAMES.length] + " " + (row / NAMES.length + 1));
            grid.way(new double[][] {{area.getMinX(), lat + STREET_SPACING / 2},
                    {area.getMaxX(), lat + STREET_SPACING / 2}}, "service", null);
        }
        int column = 0;
        for (double lon = area.getMinX(); lon <= area.getMaxX(); lon += MAJOR_SPACING, column++) {
            int points = (int) Math.ceil(area.getHeight() / MAJOR_POINT_SPACING) + 1;
            double[][] line = new double[points][];
            for (int i = 0; i < points; i++) {
                line[i] = new double[] {lon + (i % 2) * 0.00001, area.getMinY() + i * MAJOR_POINT_SPACING};
            }
            grid.way(line, "primary", "Route " + (column + 1));
        }
        grid.xml.insert(0, grid.nodes).append("</osm>\n");
        try {
            Path file = directory.resolve("town.osm");
            Files.writeString(file, grid.xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void way(double[][] points, String highway, String name) {
        int first = node;
        for (double[] p : points) {
            nodes.append(String.format(Locale.ROOT, "  <node id='%d' lat='%.7f' lon='%.7f'/>%n", node++, p[1], p[0]));
        }
        xml.append("  <way id='").append(way++).append("'>\n");
        for (int i = 0; i < points.length; i++) {
            xml.append("    <nd ref='").append(first + i).append("'/>\n");
        }
        xml.append("    <tag k='highway' v='").append(highway).append("'/>\n");
        if (name != null) {
            xml.append("    <tag k='name' v='").append(name).append("'/>\n");
        }
        xml.append("  </way>\n");
    }
}
