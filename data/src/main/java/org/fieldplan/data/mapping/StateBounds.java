package org.fieldplan.data.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fieldplan.data.mapping.PrecinctMapping.Bounds;

/**
 * The bounding boxes of the US states, DC and territories ({@code us-state-bounds.csv} beside this class, from the
 * Census Bureau's state boundaries, water included), keyed by USPS code ({@code CT}) or FIPS code ({@code 09}). A
 * precinct file read with a wrong reference system can land at sea yet within the United States' ranges: outside
 * every box it is in no state, and outside a declared state's box it is not that state's.
 */
public final class StateBounds {

    /** Slack around each box, about 5 km: precinct polygons follow the same boundaries. */
    static final double MARGIN_DEGREES = 0.05;

    private static final Map<String, State> STATES = load();

    private StateBounds() {
    }

    /** A state: its codes, name and box(es) (Alaska has two, either side of the 180th meridian). */
    public record State(String code, String fips, String name, List<Bounds> boxes) {

        public boolean contains(double lon, double lat) {
            return boxes.stream().anyMatch(box -> box.west() - MARGIN_DEGREES <= lon && lon <= box.east()
                    + MARGIN_DEGREES && box.south() - MARGIN_DEGREES <= lat && lat <= box.north() + MARGIN_DEGREES);
        }

        /** The first box as text, for messages. */
        public String describe() {
            Bounds box = boxes.get(0);
            return String.format(Locale.ROOT, "%s (%s, %.2f…%.2f, %.2f…%.2f)", name, code, box.west(), box.east(),
                    box.south(), box.north());
        }
    }

    /** The state of a USPS code ({@code ct}, any case) or FIPS code ({@code 9} or {@code 09}). */
    public static Optional<State> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String key = code.strip().toUpperCase(Locale.ROOT);
        if (key.matches("\\d")) {
            key = "0" + key;
        }
        return Optional.ofNullable(STATES.get(key));
    }

    /** Whether the point lies in some state's or territory's box. */
    public static boolean inSomeState(double lon, double lat) {
        return STATES.values().stream().distinct().anyMatch(state -> state.contains(lon, lat));
    }

    /** Every USPS code, for messages. */
    public static List<String> codes() {
        return STATES.values().stream().map(State::code).distinct().sorted().toList();
    }

    private static Map<String, State> load() {
        Map<String, State> byCode = new LinkedHashMap<>();
        try (InputStream in = StateBounds.class.getResourceAsStream("us-state-bounds.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, List<Bounds>> boxes = new LinkedHashMap<>();
            Map<String, String[]> rows = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] f = line.split(",");
                boxes.computeIfAbsent(f[0], c -> new ArrayList<>()).add(new Bounds(Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
                rows.putIfAbsent(f[0], f);
            }
            rows.forEach((code, f) -> {
                State state = new State(code, f[1], f[2], List.copyOf(boxes.get(code)));
                byCode.put(code, state);
                byCode.put(f[1], state);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read us-state-bounds.csv", e);
        }
        return Map.copyOf(byCode);
    }
}
