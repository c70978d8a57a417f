package org.fieldplan.benchmarks.optimum;

import org.fieldplan.data.generator.RegionSize;

/**
 * A generated instance's size: "10x20" (precincts × volunteers) or a preset name such as "S".
 */
record InstanceSize(String label, int precincts, int volunteers) {

    static InstanceSize parse(String text) {
        String trimmed = text.trim();
        String[] parts = trimmed.split("x");
        try {
            if (parts.length == 2) {
                return new InstanceSize(trimmed, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
            RegionSize preset = RegionSize.valueOf(trimmed);
            return new InstanceSize(trimmed, preset.precinctCount(), preset.volunteerCount());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("size '" + text + "': expected PRECINCTSxVOLUNTEERS (e.g. 10x20) or "
                    + "S, M, L, XL");
        }
    }
}
