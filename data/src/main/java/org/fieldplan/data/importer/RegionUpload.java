package org.fieldplan.data.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldplan.data.calendar.CalendarChecks;
import org.fieldplan.data.calendar.CalendarJson;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.calendar.CampaignClock;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.importer.VolunteerCsvImporter.VolunteerSheet;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.data.region.RegionSummary;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.data.generator.GotvCalendar;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.ImportReport.Outcome;
import org.fieldplan.data.mapping.MappedPrecinctReader;
import org.fieldplan.data.mapping.MappingException;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.fieldplan.data.mapping.StagingMapping;
import org.fieldplan.validation.IdAlphabet;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.locationtech.jts.geom.Envelope;

/**
 * A region brought in as files, the way a strategist uploads it (API and map page): a precinct file of any format
 * GDAL reads, through a mapping file or preset ({@link PrecinctMapping}, read as {@link PrecinctImporter} reads it on
 * the command line), optionally a volunteer sheet (CSV, {@link VolunteerCsvImporter}) and a campaign calendar (JSON,
 * {@link CalendarJson}; the standard GOTV weekend when none is given). {@link #check} reads and checks everything
 * and stores nothing (the dry run a strategist looks at before confirming); {@link #store} does the same checks
 * and then stores the region. Every part is read before anything is stored, so a bad part rejects the upload with
 * all its errors ({@link UploadRejectedException}) and leaves the store as it was.
 */
public final class RegionUpload {

    /** How many precincts a result carries for a preview on the map, spread evenly over the file. */
    public static final int PREVIEW_PRECINCTS = 25;


    private final RegionStore regions;
    private final ArchiveLimits limits;
    private final CampaignClock clock;

    /** Checks calendars against the system clock. */
    public RegionUpload(RegionStore regions) {
        this(regions, ArchiveLimits.DEFAULT, CampaignClock.system());
    }

    /**
     * @param limits how far a compressed precinct file may inflate
     * @param clock "now", against which a calendar's election day must not be past
     */
    public RegionUpload(RegionStore regions, ArchiveLimits limits, CampaignClock clock) {
        this.regions = regions;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The uploaded files.
     *
     * @param precincts the precinct file's bytes (GeoJSON, zipped shapefile, GeoPackage, CSV …)
     * @param precinctsName its file name: GDAL tells formats apart by the extension
     * @param mapping a mapping file's bytes (JSON), or a preset's name ({@code new-hampshire})
     * @param volunteersCsv the volunteer sheet, or null
     * @param calendar the calendar JSON, or null for the standard GOTV weekend
     * @param skipBadRows leave unusable features out (listed in the report) instead of rejecting the file
     * @param joinTable the table the mapping's {@code join} joins (e.g. election results, any format GDAL reads), or
     *     null
     * @param joinTableName its file name (GDAL goes by the extension)
     * @param staging a CSV table of staging locations, or null ({@code docs/staging.md})
     * @param stagingMapping the staging mapping it is read through (JSON), or null; both or neither
     */
    public record Upload(byte[] precincts, String precinctsName, byte[] mapping, String volunteersCsv,
            byte[] calendar, boolean skipBadRows, byte[] joinTable, String joinTableName, byte[] staging,
            byte[] stagingMapping) {

        /** Without staging locations. */
        public Upload(byte[] precincts, String precinctsName, byte[] mapping, String volunteersCsv, byte[] calendar,
                boolean skipBadRows, byte[] joinTable, String joinTableName) {
            this(precincts, precinctsName, mapping, volunteersCsv, calendar, skipBadRows, joinTable, joinTableName,
                    null, null);
        }

        /** Without a joined table. */
        public Upload(byte[] precincts, String precinctsName, byte[] mapping, String volunteersCsv, byte[] calendar,
                boolean skipBadRows) {
            this(precincts, precinctsName, mapping, volunteersCsv, calendar, skipBadRows, null, null, null, null);
        }
    }

    /**
     * What an upload gives (or would give).
     *
     * @param stored false for a dry run
     * @param report the import report: precincts as mapped, proxies, warnings, what was repaired or skipped
     * @param preview a few precincts spread over the file, to draw before confirming
     * @param bounds the bounding box of every precinct (lon/lat)
     */
    public record Result(String regionId, boolean stored, ImportReport report, int volunteers,
            CampaignCalendar calendar, List<Precinct> preview, Envelope bounds) {
    }

    /** Reads and checks the upload as region {@code regionId}; stores nothing. */
    public Result check(String regionId, Upload files) {
        Checked checked = read(regionId, files);
        return checked.result(checked.report.withOutcome(Outcome.DRY_RUN), false);
    }

    /**
     * Reads, checks and stores the upload as a new region {@code regionId}: precincts and calendar in one
     * transaction, then the volunteers (already checked, so only a database failure can stop them).
     */
    public Result store(String regionId, Upload files) {
        Checked checked = read(regionId, files);
        FieldPlanProblem region = new FieldPlanProblem("Precincts of " + files.precinctsName(),
                checked.calendar.timeZone().getId(), null, null, List.of(), checked.calendar.slots(),
                checked.report.precincts(), List.of(), null, List.of()).withStagingLocations(checked.staging);
        regions.save(regionId, region, checked.attributes);
        regions.replaceCalendar(regionId, checked.calendar);
        if (checked.volunteers != null && !checked.volunteers.volunteers().isEmpty()) {
            regions.addVolunteers(regionId, checked.volunteers.volunteers(), checked.volunteers.phones());
        }
        return checked.result(checked.report.withOutcome(Outcome.STORED), true);
    }

    private record Checked(String regionId, ImportReport report, Map<String, Map<String, Object>> attributes,
            VolunteerSheet volunteers, CampaignCalendar calendar, List<StagingLocation> staging) {

        Result result(ImportReport outcome, boolean stored) {
            List<Precinct> precincts = report.precincts();
            int step = Math.max(1, precincts.size() / PREVIEW_PRECINCTS);
            List<Precinct> preview = new ArrayList<>();
            for (int i = 0; i < precincts.size() && preview.size() < PREVIEW_PRECINCTS; i += step) {
                preview.add(precincts.get(i));
            }
            Envelope bounds = new Envelope();
            precincts.forEach(p -> bounds.expandToInclude(p.getGeometry().getEnvelopeInternal()));
            return new Result(regionId, stored, outcome, volunteers == null ? 0 : volunteers.volunteers().size(),
                    calendar, preview, bounds);
        }
    }

    private Checked read(String regionId, Upload files) {
        IdAlphabet.problem(regionId).ifPresent(problem -> {
            throw new UploadRejectedException(List.of(new ValidationError("regionId", problem)));
        });
        if (regions.list().stream().map(RegionSummary::id).anyMatch(regionId::equals)) {
            throw new RegionIdTakenException(regionId);
        }
        List<ValidationError> errors = new ArrayList<>();
        CampaignCalendar calendar = calendar(files.calendar(), errors);
        PrecinctMapping mapping = mapping(files.mapping(), errors);
        MappedPrecinctReader.Result read = mapping == null ? null : precincts(files, mapping, errors);
        VolunteerSheet volunteers = volunteers(files.volunteersCsv(), errors);
        List<StagingLocation> staging = staging(files, errors);
        boolean calendarGiven = files.calendar() != null && files.calendar().length > 0;
        if (calendar != null && calendarGiven) {
            CalendarChecks.inThePast(calendar, clock.today(calendar.timeZone()))
                    .forEach(error -> errors.add(prefixed("calendar", error)));
        }
        ImportReport report = read == null ? null : read.report();
        if (calendar != null && report != null) {
            report = report.withWarnings(zoneFit(calendar, calendarGiven, report.precincts(), errors));
        }
        if (!errors.isEmpty()) {
            throw new UploadRejectedException(errors);
        }
        return new Checked(regionId, report, read.attributes(), volunteers, calendar, staging);
    }

    /**
     * The calendar's zone against the precincts ({@link CalendarChecks#zoneFit}): its errors join the upload's, its
     * warnings are returned for the report. The standard weekend, used when no calendar is given, is checked too.
     */
    private static List<String> zoneFit(CampaignCalendar calendar, boolean given, List<Precinct> precincts,
            List<ValidationError> errors) {
        CalendarChecks.Verdict verdict = CalendarChecks.zoneFit(calendar.timeZone(), calendar.from(), precincts);
        String defaulted = given ? "" : " (no calendar was given: the standard GOTV weekend's zone was used; give a "
                + "calendar in the region's zone)";
        verdict.errors().forEach(error -> errors.add(new ValidationError("calendar." + error.path(),
                error.message() + defaulted)));
        return verdict.warnings().stream().map(w -> w + defaulted).toList();
    }

    private static CampaignCalendar calendar(byte[] json, List<ValidationError> errors) {
        if (json == null || json.length == 0) {
            return GotvCalendar.calendar();
        }
        try {
            return CalendarJson.read(json);
        } catch (ProblemValidationException e) {
            e.getErrors().forEach(error -> errors.add(prefixed("calendar", error)));
            return null;
        }
    }

    /** A mapping file's JSON, or a preset's name. */
    private static PrecinctMapping mapping(byte[] mapping, List<ValidationError> errors) {
        if (mapping == null || mapping.length == 0) {
            errors.add(new ValidationError("mapping", "is required: a mapping file (docs/import.md) or a preset ("
                    + String.join(", ", PrecinctMapping.presets()) + ")"));
            return null;
        }
        String text = new String(mapping, StandardCharsets.UTF_8).strip();
        try {
            if (PrecinctMapping.presets().contains(text.toLowerCase(Locale.ROOT))) {
                return PrecinctMapping.preset(text.toLowerCase(Locale.ROOT));
            }
            return PrecinctMapping.read(new ByteArrayInputStream(mapping), "upload");
        } catch (MappingException e) {
            errors.add(new ValidationError("mapping", e.getMessage()));
            return null;
        }
    }

    /** Converts (GDAL) and reads the precinct file as the command line does; its errors become the upload's. */
    private MappedPrecinctReader.Result precincts(Upload files, PrecinctMapping mapping,
            List<ValidationError> errors) {
        if (files.precincts() == null || files.precincts().length == 0) {
            errors.add(new ValidationError("precincts", "is required: a precinct file"));
            return null;
        }
        MappedPrecinctReader.Result read;
        try (TemporaryDirectory work = TemporaryDirectory.create("fieldplan-upload")) {
            Path file = work.path().resolve(safeName(files.precinctsName()));
            Files.write(file, files.precincts());
            Path table = joinTable(files, mapping, work.path(), errors);
            if (mapping.join() != null && table == null) {
                return null;
            }
            String shownName = files.precinctsName() == null ? "upload" : files.precinctsName();
            read = PrecinctImporter.read(file, shownName, table, mapping, files.skipBadRows(), limits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded precinct file for reading", e);
        }
        // The report names the file as uploaded, not the temporary copy GDAL read.
        ImportReport report = read.report().withSource(files.precinctsName());
        read = new MappedPrecinctReader.Result(report, read.attributes());
        if (!report.accepted()) {
            report.fileErrors().forEach(error -> errors.add(new ValidationError("precincts", error)));
            report.rowErrors().forEach(row -> errors.add(new ValidationError("precincts.features[" + row.index()
                    + "]" + (row.id() == null ? "" : " (id " + row.id() + ")") + "." + row.field(), row.message())));
            return null;
        }
        return read;
    }

    /**
     * The uploaded table, kept under its own name in a directory of its own; null, with an error naming the part,
     * when the mapping's join lacks it or it comes without a join.
     */
    private static Path joinTable(Upload files, PrecinctMapping mapping, Path work, List<ValidationError> errors)
            throws IOException {
        boolean given = files.joinTable() != null && files.joinTable().length > 0;
        if (mapping.join() == null) {
            if (given) {
                errors.add(new ValidationError("joinTable", "the mapping declares no join: nothing to join it to"));
            }
            return null;
        }
        if (!given) {
            errors.add(new ValidationError("joinTable", "is required: the mapping joins a table (join.tableKey "
                    + mapping.join().tableKey() + "), e.g. the election results"));
            return null;
        }
        Path table = Files.createDirectories(work.resolve("table")).resolve(safeName(files.joinTableName()));
        return Files.write(table, files.joinTable());
    }

    /** The upload's file name without any directory part, keeping the extension GDAL goes by. */
    private static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isEmpty() || base.startsWith(".") ? "upload" + base : base;
    }

    /** The staging table through its mapping; errors as {@code staging.line 3} or {@code stagingMapping}. */
    private static List<StagingLocation> staging(Upload files, List<ValidationError> errors) {
        boolean table = files.staging() != null && files.staging().length > 0;
        boolean mapping = files.stagingMapping() != null && files.stagingMapping().length > 0;
        if (table != mapping) {
            errors.add(new ValidationError(table ? "stagingMapping" : "staging", "is required with "
                    + (table ? "staging: the mapping the table is read through" : "stagingMapping: the table")));
            return List.of();
        }
        if (!table) {
            return List.of();
        }
        try {
            return StagingFileReader.read(new String(files.staging(), StandardCharsets.UTF_8), "staging",
                    StagingMapping.read(files.stagingMapping(), "stagingMapping"));
        } catch (MappingException e) {
            errors.add(new ValidationError("stagingMapping", e.getMessage()));
        } catch (ImportRejectedException e) {
            e.errors().forEach(row -> errors.add(new ValidationError(
                    row.row() == RowError.WHOLE_FILE ? "staging" : "staging.line " + row.row(), row.reason())));
        }
        return List.of();
    }

    private static VolunteerSheet volunteers(String csv, List<ValidationError> errors) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        try {
            return VolunteerCsvImporter.read(csv, "volunteers");
        } catch (ImportRejectedException e) {
            e.errors().forEach(row -> errors.add(new ValidationError(
                    row.row() == RowError.WHOLE_FILE ? "volunteers" : "volunteers.line " + row.row(), row.reason())));
            return null;
        }
    }

    /** An upload under an id a stored region already has: nothing is read or stored. */
    public static final class RegionIdTakenException extends StoreException {

        RegionIdTakenException(String regionId) {
            super("region " + regionId + " already exists: choose another id");
        }
    }

    private static ValidationError prefixed(String part, ValidationError error) {
        return new ValidationError(part + "." + error.path(), error.message());
    }
}
