package org.fieldplan.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.fieldplan.plan.PlanDocument;

/** Reads and writes {@link PlanDocument}s as JSON. */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static void write(PlanDocument plan, Path file) {
        try {
            MAPPER.writeValue(file.toFile(), plan);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write plan to " + file + ": " + e.getMessage(), e);
        }
    }

    public static PlanDocument read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), PlanDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plan from " + file + ": " + e.getMessage(), e);
        }
    }
}
