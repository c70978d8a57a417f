package org.fieldplan.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;

import org.fieldplan.domain.Precinct;
import org.junit.jupiter.api.Test;

class CaptureOldMappingTest {
    @Test
    void capture() throws Exception {
        write(PrecinctColumnMapping.RHODE_ISLAND, "precincts/ri-precincts.geojson", "ri-constants-expected.tsv");
        write(PrecinctColumnMapping.NEW_HAMPSHIRE, "precincts/nh-precincts.geojson", "nh-constants-expected.tsv");
    }

    private static void write(PrecinctColumnMapping m, String file, String out) throws Exception {
        PrecinctImport r = new PrecinctGeoJsonReader(m).read(TestFiles.sharedData(file));
        StringBuilder b = new StringBuilder("id\tname\tregisteredVoters\texpectedTurnout\tsupportShare\tdistrictIds\trequiredLanguages\tarea\n");
        for (Precinct p : r.precincts()) {
            b.append(String.join("\t", p.getId(), p.getName(), String.valueOf(p.getRegisteredVoters()),
                    Double.toString(p.getExpectedTurnout()), Double.toString(p.getSupportShare()),
                    String.join(";", p.getDistrictIds()), String.join(";", new TreeSet<>(p.getRequiredLanguages())),
                    String.format(Locale.ROOT, "%.10e", p.getGeometry().getArea()))).append('\n');
        }
        Files.writeString(Path.of("src/test/resources/mapping/" + out), b);
    }
}
