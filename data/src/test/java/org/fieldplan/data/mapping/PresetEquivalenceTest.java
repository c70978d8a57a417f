package org.fieldplan.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.fieldplan.domain.Precinct;
import org.fieldplan.data.io.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The preset mapping files give exactly the precincts the removed Java constants ({@code PrecinctColumnMapping
 * .RHODE_ISLAND/NEW_HAMPSHIRE}) gave: ids, names, voters, turnout, support, districts, languages and polygon area.
 * The expected tables were written by the constants' code path in the commit that captured them (f2ef410), before
 * the constants were deleted.
 */
class PresetEquivalenceTest {

    @ParameterizedTest
    @CsvSource({"rhode-island, precincts/ri-precincts.geojson, ri-constants-expected.tsv, 419",
            "new-hampshire, precincts/nh-precincts.geojson, nh-constants-expected.tsv, 320"})
    void presetGivesTheSamePrecinctsAsTheOldConstants(String preset, String file, String expected, int count)
            throws IOException {
        ImportReport report = new MappedPrecinctReader(PrecinctMapping.preset(preset), false)
                .read(TestFiles.sharedData(file), file).report();

        List<String> rows = new ArrayList<>();
        rows.add("id\tname\tregisteredVoters\texpectedTurnout\tsupportShare\tdistrictIds\trequiredLanguages\tarea");
        for (Precinct p : report.precincts()) {
            rows.add(String.join("\t", p.getId(), p.getName(), String.valueOf(p.getRegisteredVoters()),
                    Double.toString(p.getExpectedTurnout()), Double.toString(p.getSupportShare()),
                    String.join(";", p.getDistrictIds()), String.join(";", new TreeSet<>(p.getRequiredLanguages())),
                    String.format(Locale.ROOT, "%.10e", p.getGeometry().getArea())));
        }
        assertThat(rows).hasSize(count + 1).containsExactlyElementsOf(expected(expected));
    }

    private static List<String> expected(String name) throws IOException {
        try (InputStream in = PresetEquivalenceTest.class.getResourceAsStream("/mapping/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
