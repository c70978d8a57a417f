package org.fieldplan.benchmarks.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes {@link SuiteResult} JSON files, refusing files of another schema version. */
public final class ResultFiles {

    /** NaN stands for a figure not measured (e.g. % of bound with {@code --no-bound}); Jackson writes it as NaN. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private ResultFiles() {
    }

    public static void write(SuiteResult result, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writeValue(file.toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @throws IllegalArgumentException when the file was written with another schema version */
    public static SuiteResult read(Path file) {
        SuiteResult result;
        try {
            result = MAPPER.readValue(file.toFile(), SuiteResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite result " + file, e);
        }
        if (result.schemaVersion() != SuiteResult.SCHEMA_VERSION) {
            throw new IllegalArgumentException(file + " has schema version " + result.schemaVersion()
                    + ", this build reads " + SuiteResult.SCHEMA_VERSION + ": rerun the suite for a new baseline");
        }
        return result;
    }
}
