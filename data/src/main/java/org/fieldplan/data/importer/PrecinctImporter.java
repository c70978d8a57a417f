package org.fieldplan.data.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldplan.data.region.RegionStore;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.generator.GotvCalendar;
import org.fieldplan.io.PrecinctColumnMapping;
import org.fieldplan.io.PrecinctGeoJsonReader;
import org.fieldplan.io.PrecinctImport;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports precinct boundaries and election results (a GeoJSON FeatureCollection read through a
 * {@link PrecinctColumnMapping}) as a new region, all or nothing. Each precinct keeps its feature's properties as
 * its raw election attributes. Invalid polygons are repaired by {@link PrecinctGeoJsonReader}; a feature that
 * cannot be used rejects the whole file with an {@link ImportRejectedException} naming every such feature.
 *
 * <p>The region gets the standard GOTV weekend's time slots ({@link GotvCalendar}) and no volunteers yet: they come
 * from {@link VolunteerCsvImporter} or with a whole generated or real region ({@link SampleRegions}).
 */
public final class PrecinctImporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };
    private static final Pattern FEATURE_INDEX = Pattern.compile("^features\\[(\\d+)]");

    private final RegionStore regions;

    public PrecinctImporter(RegionStore regions) {
        this.regions = regions;
    }

    /** Imports a GeoJSON file as region {@code regionId}, named after the file. */
    public PrecinctImport importGeoJson(String regionId, Path geoJson, PrecinctColumnMapping mapping) {
        return importCollection(regionId, "Precincts of " + geoJson.getFileName(), bytes(geoJson), mapping,
                geoJson.toString());
    }

    /**
     * Imports a FeatureCollection given as UTF-8 JSON.
     *
     * @param source how errors name the input, e.g. its file name
     */
    public PrecinctImport importCollection(String regionId, String name, byte[] featureCollection,
            PrecinctColumnMapping mapping, String source) {
        PrecinctImport read = read(featureCollection, mapping, source);
        FieldPlanProblem region = new FieldPlanProblem(name, GotvCalendar.TIME_ZONE, null, null, List.of(),
                GotvCalendar.weekendSlots(), read.precincts(), List.of(), null, List.of());
        regions.save(regionId, region, electionAttributes(featureCollection, read.precincts()));
        return read;
    }

    /** Reads precincts as the region importers do; rejects the file with every unusable feature. */
    private static PrecinctImport read(byte[] featureCollection, PrecinctColumnMapping mapping, String source) {
        try {
            return new PrecinctGeoJsonReader(mapping).read(new ByteArrayInputStream(featureCollection));
        } catch (ProblemValidationException e) {
            throw rejected(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** The reader's errors as rejected rows, each feature's index read from its error path. */
    static ImportRejectedException rejected(String source, ProblemValidationException e) {
        return new ImportRejectedException(source, e.getErrors().stream().map(PrecinctImporter::rowError).toList());
    }

    /** As {@link #electionAttributes(byte[], List)}, from the file the precincts were read from. */
    static Map<String, Map<String, Object>> electionAttributes(Path geoJson, List<Precinct> precincts) {
        return electionAttributes(bytes(geoJson), precincts);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Every feature's properties by precinct id. The reader returns one precinct per feature in file order (or
     * rejects the file), so the n-th precinct is the n-th feature.
     */
    static Map<String, Map<String, Object>> electionAttributes(byte[] featureCollection, List<Precinct> precincts) {
        try {
            JsonNode features = JSON.readTree(featureCollection).get("features");
            Map<String, Map<String, Object>> attributes = new HashMap<>();
            for (int i = 0; i < precincts.size(); i++) {
                attributes.put(precincts.get(i).getId(),
                        JSON.convertValue(features.get(i).path("properties"), PROPERTIES));
            }
            return attributes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the features' properties", e);
        }
    }

    private static RowError rowError(ValidationError error) {
        Matcher index = FEATURE_INDEX.matcher(error.path());
        return new RowError(index.find() ? Integer.parseInt(index.group(1)) : RowError.WHOLE_FILE, error.toString());
    }
}
