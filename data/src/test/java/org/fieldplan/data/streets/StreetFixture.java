package org.fieldplan.data.streets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A small OpenStreetMap extract (XML, as GDAL reads it) around (-83.0, 40.0), written by the tests. A precinct centred
 * on (-83.0, 40.001) has, from near to far: a motorway 9 m east, a private residential lane 9 m west, an unnamed
 * service road 17 m west, a footway 26 m east, and High Street, residential, 85 m west. Broad Street (primary) runs
 * 1.7 km east.
 */
public final class StreetFixture {

    static final String INTERSTATE = "Interstate 70";
    static final String HIGH_STREET = "High Street";
    static final String BROAD_STREET = "Broad Street";

    private StreetFixture() {
    }

    public static Path write(Path directory) {
        // Nodes before ways, as in any extract (GraphHopper's reader, unlike GDAL's, needs that order).
        StringBuilder nodes = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n");
        StringBuilder xml = new StringBuilder();
        int[] node = {1};
        int[] way = {1};
        way(nodes, xml, node, way, -82.9999, 40.0000, -82.9999, 40.0020, "motorway", INTERSTATE, null);
        way(nodes, xml, node, way, -83.0001, 40.0005, -83.0001, 40.0015, "residential", "Private Lane", "private");
        way(nodes, xml, node, way, -83.0002, 40.0005, -83.0002, 40.0015, "service", null, null);
        way(nodes, xml, node, way, -82.9997, 40.0000, -82.9997, 40.0020, "footway", "Oak Path", null);
        // High Street with a bend of many points, so simplification has something to drop.
        nodes.append(nodes(node, -83.0010, 40.0000, 20));
        int first = node[0] - 20;
        xml.append("  <way id='").append(way[0]++).append("'>\n");
        for (int i = 0; i < 20; i++) {
            xml.append("    <nd ref='").append(first + i).append("'/>\n");
        }
        xml.append("    <tag k='highway' v='residential'/>\n    <tag k='name' v='").append(HIGH_STREET)
                .append("'/>\n  </way>\n");
        way(nodes, xml, node, way, -82.9800, 39.9900, -82.9800, 40.0100, "primary", BROAD_STREET, null);
        xml.insert(0, nodes).append("</osm>\n");
        try {
            Path file = directory.resolve("fixture.osm");
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} nodes on a gentle zigzag northwards from (lon, lat), 100 m apart. */
    private static String nodes(int[] node, double lon, double lat, int count) {
        StringBuilder xml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            xml.append(node(node[0]++, lon + (i % 2) * 0.00001, lat + i * 0.0009));
        }
        return xml.toString();
    }

    private static void way(StringBuilder nodes, StringBuilder xml, int[] node, int[] way, double lon1, double lat1,
            double lon2, double lat2, String highway, String name, String access) {
        int first = node[0];
        nodes.append(node(node[0]++, lon1, lat1)).append(node(node[0]++, lon2, lat2));
        xml.append("  <way id='").append(way[0]++).append("'>\n    <nd ref='").append(first)
                .append("'/>\n    <nd ref='").append(first + 1).append("'/>\n    <tag k='highway' v='").append(highway)
                .append("'/>\n");
        if (name != null) {
            xml.append("    <tag k='name' v='").append(name).append("'/>\n");
        }
        if (access != null) {
            xml.append("    <tag k='access' v='").append(access).append("'/>\n");
        }
        xml.append("  </way>\n");
    }

    private static String node(int id, double lon, double lat) {
        return String.format(Locale.ROOT, "  <node id='%d' lat='%.7f' lon='%.7f'/>\n", id, lat, lon);
    }
}
