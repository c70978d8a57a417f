package org.fieldplan.data.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldplan.data.Geometries;
import org.fieldplan.data.importer.CsvRecords.CsvRecord;
import org.fieldplan.data.mapping.Expression;
import org.fieldplan.data.mapping.RowValueException;
import org.fieldplan.data.mapping.StagingMapping;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.validation.IdAlphabet;
import org.fieldplan.validation.ProblemValidator;
import org.fieldplan.validation.ValidationError;
import org.locationtech.jts.geom.Coordinate;

/**
 * Reads staging locations from a CSV table, or a point file GDAL reads ({@link StagingPointFile}), through a
 * {@link StagingMapping}, all or nothing: a file with any bad row is rejected whole, every error naming its row (the
 * CSV line, or the feature's index) and column.
 */
public final class StagingFileReader {

    /** {@code 2026-10-31 08:00-18:00}. */
    private static final Pattern HOURS = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

    private StagingFileReader() {
    }

    /** @throws ImportRejectedException listing every bad row and the header's missing columns */
    public static List<StagingLocation> read(String csv, String source, StagingMapping mapping) {
        return read(CsvRecords.parse(csv.replace("\uFEFF", ""), source), source, mapping);
    }

    /**
     * A CSV table ({@code .csv}, {@code .txt}) or a point file of any vector format GDAL reads (GeoJSON, GeoPackage,
     * zipped shapefile …), told apart by {@code displayName}.
     *
     * @param displayName the file's name as the user gave it (never a server path)
     * @throws ImportRejectedException listing every bad row, or why the file cannot be read
     */
    public static List<StagingLocation> read(Path file, String displayName, StagingMapping mapping) {
        if (StagingPointFile.isPointFile(displayName)) {
            return read(StagingPointFile.records(file, displayName, mapping), displayName, mapping);
        }
        try {
            return read(Files.readString(file), displayName, mapping);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName, e);
        }
    }

    /**
     * An uploaded file, CSV or point file as {@link #read(Path, String, StagingMapping)} tells them apart.
     *
     * @param displayName the file's name as the user gave it; only its extension is used for a file on disk
     */
    public static List<StagingLocation> read(byte[] content, String displayName, StagingMapping mapping) {
        if (!StagingPointFile.isPointFile(displayName)) {
            return read(new String(content, StandardCharsets.UTF_8), displayName, mapping);
        }
        try (TemporaryDirectory work = TemporaryDirectory.create("fieldplan-staging-upload")) {
            Path file = work.path().resolve("staging" + extension(displayName));
            Files.write(file, content);
            return read(file, displayName, mapping);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload " + displayName, e);
        }
    }

    /** The name's extensions ({@code .geojson}, {@code .geojson.gz}, {@code .zip} …) in safe letters only. */
    private static String extension(String displayName) {
        String name = displayName.replace('\\', '/').replaceAll(".*/", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]", "");
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static List<StagingLocation> read(List<CsvRecord> records, String source, StagingMapping mapping) {
        if (records.isEmpty()) {
            throw new ImportRejectedException(source, List.of(new RowError(RowError.WHOLE_FILE, "the file is empty")));
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> names = records.get(0).fields();
        for (int i = 0; i < names.size(); i++) {
            header.put(names.get(i).strip(), i);
        }
        List<String> missing = used(mapping).stream().filter(column -> !header.containsKey(column)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new ImportRejectedException(source, List.of(new RowError(records.get(0).line(),
                    "the header lacks the columns " + String.join(", ", missing) + " that the mapping reads")));
        }
        List<RowError> errors = new ArrayList<>();
        List<StagingLocation> locations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            StagingLocation location = new Row(record, header, mapping, errors).location();
            if (location != null && !ids.add(location.id())) {
                errors.add(new RowError(record.line(), "id: \"" + location.id() + "\" appears twice in the file"));
            } else if (location != null) {
                locations.add(location);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(source, errors);
        }
        return locations;
    }

    private static Set<String> used(StagingMapping mapping) {
        Set<String> columns = new HashSet<>(mapping.idColumns());
        columns.addAll(mapping.addressColumns());
        if (mapping.nameColumn() != null) {
            columns.add(mapping.nameColumn());
        }
        if (mapping.hoursColumn() != null) {
            columns.add(mapping.hoursColumn());
        }
        for (Expression expression : List.of(mapping.lon(), mapping.lat(), mapping.teamsPerSlot())) {
            columns.addAll(expression.columns());
        }
        return columns;
    }

    /** One data row; every unusable cell adds an error naming its column, and the row yields nothing. */
    private record Row(CsvRecord record, Map<String, Integer> header, StagingMapping mapping, List<RowError> errors)
            implements Expression.Row {

        StagingLocation location() {
            if (record.fields().size() != header.size()) {
                error("has " + record.fields().size() + " fields, the header " + header.size());
                return null;
            }
            int before = errors.size();
            String id = id();
            String name = mapping.nameColumn() == null ? null : blankToNull(cell(mapping.nameColumn()));
            List<String> parts = mapping.addressColumns().stream().map(this::cell).filter(s -> !s.isEmpty()).toList();
            double lon = number("lon", mapping.lon());
            double lat = number("lat", mapping.lat());
            double teams = number("teamsPerSlot", mapping.teamsPerSlot());
            List<OpeningHours> hours = hours();
            if (errors.size() > before) {
                return null;
            }
            StagingLocation location = new StagingLocation(id, name, parts.isEmpty() ? null : String.join(", ", parts),
                    Geometries.FACTORY.createPoint(new Coordinate(lon, lat)), hours, (int) Math.floor(teams));
            for (ValidationError problem : ProblemValidator.validateStagingLocation(location)) {
                error(column(problem.path()) + ": " + problem.message());
            }
            if (location.teamsPerSlot() < 1) {
                error(column("teamsPerSlot") + ": must be at least 1, was " + teams);
            }
            return errors.size() > before ? null : location;
        }

        private String id() {
            List<String> values = mapping.idColumns().stream().map(this::cell).toList();
            String slug = IdAlphabet.slug(String.join("-", values));
            if (slug.isEmpty()) {
                error(String.join("+", mapping.idColumns()) + ": no letter or digit for an id");
                return "";
            }
            return (mapping.idPrefix() == null ? "" : mapping.idPrefix()) + slug;
        }

        /** The mapping field's source, as errors name it: {@code teamsPerSlot (TEAMS * 2)}. */
        private String column(String field) {
            if (field.startsWith("point")) {
                return "lon/lat (" + mapping.lon().text() + ", " + mapping.lat().text() + ")";
            }
            if (field.startsWith("hours")) {
                return "hours (column " + mapping.hoursColumn() + ")";
            }
            if (field.startsWith("teamsPerSlot")) {
                return "teamsPerSlot (" + mapping.teamsPerSlot().text() + ")";
            }
            return field;
        }

        private double number(String field, Expression expression) {
            try {
                return expression.evaluate(this);
            } catch (RowValueException e) {
                error(field + " (" + expression.text() + "): " + e.getMessage());
                return 0;
            }
        }

        private List<OpeningHours> hours() {
            if (mapping.hoursColumn() == null) {
                return List.of();
            }
            List<OpeningHours> hours = new ArrayList<>();
            for (String item : cell(mapping.hoursColumn()).split(";")) {
                if (item.isBlank()) {
                    continue;
                }
                Matcher matcher = HOURS.matcher(item.strip());
                try {
                    if (!matcher.matches()) {
                        throw new DateTimeParseException("not DATE OPEN-CLOSE", item, 0);
                    }
                    hours.add(new OpeningHours(LocalDate.parse(matcher.group(1)), LocalTime.parse(matcher.group(2)),
                            LocalTime.parse(matcher.group(3))));
                } catch (DateTimeParseException e) {
                    error("hours (column " + mapping.hoursColumn() + "): \"" + item.strip()
                            + "\" is not like 2026-10-31 08:00-18:00");
                }
            }
            return hours;
        }

        @Override
        public double number(String column) {
            String value = cell(column);
            if (value.isEmpty()) {
                throw new RowValueException("column " + column + " is empty");
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new RowValueException("column " + column + " is not a number: \"" + value + "\"");
            }
        }

        @Override
        public boolean has(String column) {
            return header.containsKey(column) && !cell(column).isEmpty();
        }

        private String cell(String column) {
            return record.fields().get(header.get(column)).strip();
        }

        private void error(String reason) {
            errors.add(new RowError(record.line(), reason));
        }

        private static String blankToNull(String text) {
            return text.isEmpty() ? null : text;
        }
    }
}
