package org.fieldplan.data.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.fieldplan.calendar.CalendarJson;
import org.fieldplan.calendar.CampaignCalendar;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.importer.VolunteerCsvImporter.VolunteerSheet;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.data.region.RegionSummary;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.generator.GotvCalendar;
import org.fieldplan.io.PrecinctColumnMapping;
import org.fieldplan.io.PrecinctGeoJsonReader;
import org.fieldplan.io.PrecinctImport;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;
import org.locationtech.jts.geom.Envelope;

/**
 * A region brought in as files, the way a strategist uploads it (API and map page): a precinct file read through a
 * mapping, optionally a volunteer sheet (CSV, {@link VolunteerCsvImporter}) and a campaign calendar (JSON,
 * {@link CalendarJson}; the standard GOTV weekend when none is given). {@link #check} reads and checks everything
 * and stores nothing (the dry run a strategist looks at before confirming); {@link #store} does the same checks
 * and then stores the region. Every part is read before anything is stored, so a bad part rejects the upload with
 * all its errors ({@link UploadRejectedException}) and leaves the store as it was.
 */
public final class RegionUpload {

    /** How many precincts a result carries for a preview on the map, spread evenly over the file. */
    public static final int PREVIEW_PRECINCTS = 25;

    private static final Pattern REGION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final RegionStore regions;

    public RegionUpload(RegionStore regions) {
        this.regions = regions;
    }

    /**
     * The uploaded files.
     *
     * @param precincts the precinct file's bytes (a GeoJSON FeatureCollection)
     * @param precinctsName its file name, for messages
     * @param mapping the mapping's bytes
     * @param volunteersCsv the volunteer sheet, or null
     * @param calendar the calendar JSON, or null for the standard GOTV weekend
     */
    public record Files(byte[] precincts, String precinctsName, byte[] mapping, String volunteersCsv,
            byte[] calendar) {
    }

    /**
     * What an upload gives (or would give).
     *
     * @param stored false for a dry run
     * @param read the precincts as mapped, with what had to be repaired or looks wrong
     * @param preview a few precincts spread over the file, to draw before confirming
     * @param bounds the bounding box of every precinct (lon/lat)
     */
    public record Result(String regionId, boolean stored, PrecinctImport read, int volunteers,
            CampaignCalendar calendar, List<Precinct> preview, Envelope bounds) {
    }

    /** Reads and checks the upload as region {@code regionId}; stores nothing. */
    public Result check(String regionId, Files files) {
        return read(regionId, files).result(false);
    }

    /**
     * Reads, checks and stores the upload as a new region {@code regionId}: precincts and calendar in one
     * transaction, then the volunteers (already checked, so only a database failure can stop them).
     */
    public Result store(String regionId, Files files) {
        Checked checked = read(regionId, files);
        FieldPlanProblem region = new FieldPlanProblem("Precincts of " + files.precinctsName(),
                checked.calendar.timeZone().getId(), null, null, List.of(), checked.calendar.slots(),
                checked.read.precincts(), List.of(), null, List.of());
        regions.save(regionId, region, PrecinctImporter.electionAttributes(files.precincts(),
                checked.read.precincts()));
        regions.replaceCalendar(regionId, checked.calendar);
        if (checked.volunteers != null && !checked.volunteers.volunteers().isEmpty()) {
            regions.addVolunteers(regionId, checked.volunteers.volunteers(), checked.volunteers.phones());
        }
        return checked.result(true);
    }

    private record Checked(String regionId, PrecinctImport read, VolunteerSheet volunteers,
            CampaignCalendar calendar) {

        Result result(boolean stored) {
            List<Precinct> precincts = read.precincts();
            int step = Math.max(1, precincts.size() / PREVIEW_PRECINCTS);
            List<Precinct> preview = new ArrayList<>();
            for (int i = 0; i < precincts.size() && preview.size() < PREVIEW_PRECINCTS; i += step) {
                preview.add(precincts.get(i));
            }
            Envelope bounds = new Envelope();
            precincts.forEach(p -> bounds.expandToInclude(p.getGeometry().getEnvelopeInternal()));
            return new Result(regionId, stored, read, volunteers == null ? 0 : volunteers.volunteers().size(),
                    calendar, preview, bounds);
        }
    }

    private Checked read(String regionId, Files files) {
        if (regionId == null || !REGION_ID.matcher(regionId).matches()) {
            throw new UploadRejectedException(List.of(new ValidationError("regionId",
                    "must be 1–64 letters, digits, - or _, starting with a letter or digit: " + regionId)));
        }
        if (regions.list().stream().map(RegionSummary::id).anyMatch(regionId::equals)) {
            throw new RegionIdTakenException(regionId);
        }
        List<ValidationError> errors = new ArrayList<>();
        CampaignCalendar calendar = calendar(files.calendar(), errors);
        PrecinctColumnMapping mapping = mapping(files.mapping(), errors);
        PrecinctImport read = mapping == null ? null : precincts(files, mapping, errors);
        VolunteerSheet volunteers = volunteers(files.volunteersCsv(), errors);
        if (read != null && read.precincts().isEmpty()) {
            errors.add(new ValidationError("precincts", "has no features: a region needs precincts"));
        }
        if (!errors.isEmpty()) {
            throw new UploadRejectedException(errors);
        }
        return new Checked(regionId, read, volunteers, calendar);
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

    /** A preset's name ({@code RHODE_ISLAND}, {@code NEW_HAMPSHIRE}). */
    private static PrecinctColumnMapping mapping(byte[] mapping, List<ValidationError> errors) {
        String name = mapping == null ? "" : new String(mapping, StandardCharsets.UTF_8).strip();
        switch (name.toUpperCase(Locale.ROOT)) {
            case "RHODE_ISLAND":
                return PrecinctColumnMapping.RHODE_ISLAND;
            case "NEW_HAMPSHIRE":
                return PrecinctColumnMapping.NEW_HAMPSHIRE;
            default:
                errors.add(new ValidationError("mapping", "is not a known mapping: \"" + name + "\" (known: "
                        + "RHODE_ISLAND, NEW_HAMPSHIRE)"));
                return null;
        }
    }

    private static PrecinctImport precincts(Files files, PrecinctColumnMapping mapping,
            List<ValidationError> errors) {
        if (files.precincts() == null || files.precincts().length == 0) {
            errors.add(new ValidationError("precincts", "is required: a precinct file"));
            return null;
        }
        try {
            return new PrecinctGeoJsonReader(mapping).read(new ByteArrayInputStream(files.precincts()));
        } catch (ProblemValidationException e) {
            e.getErrors().forEach(error -> errors.add(prefixed("precincts", error)));
        } catch (IOException e) {
            errors.add(new ValidationError("precincts", "cannot be read: " + e.getMessage()));
        }
        return null;
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
