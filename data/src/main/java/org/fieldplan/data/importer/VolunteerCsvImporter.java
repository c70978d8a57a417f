package org.fieldplan.data.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.fieldplan.data.Geometries;
import org.fieldplan.data.importer.CsvRecords.CsvRecord;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.validation.IdAlphabet;
import org.fieldplan.data.io.InputLimits;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Adds volunteers from a CSV sign-up sheet to a stored region, all or nothing. The header names the columns
 * {@link #COLUMNS} (any order); homes are given as {@code lat}/{@code lon} (no geocoding). A file with any bad row is
 * rejected whole with an {@link ImportRejectedException} listing every bad row (line number and reason), not just
 * the first. See {@code data/README.md} for the column formats.
 */
public final class VolunteerCsvImporter {

    /** The columns of a volunteer sheet, all required in the header; empty cells are allowed where noted. */
    public static final List<String> COLUMNS = List.of("id", "name", "phone", "lat", "lon", "skills", "languages",
            "travel_mode", "max_travel_minutes", "availability", "max_shifts", "max_shifts_per_day", "organizer_id",
            "attendance_probability", "preferred_precincts");
    /** Optional columns (carpools): free seats of a driver, their detour limit, whether they accept rides. */
    public static final List<String> CARPOOL_COLUMNS = List.of("seats", "detour_minutes", "can_ride");

    /**
     * Optional columns, all three or none: a deployment offer ({@code 2026-10-31}, one-way minutes, minimum
     * consecutive slots); a row with the three cells empty offers none.
     */
    public static final List<String> DEPLOYMENT_COLUMNS = List.of("deploy_date", "deploy_max_travel_minutes",
            "deploy_min_slots");

    /** The volunteers of a sheet and the phone numbers given for some of them. */
    public record VolunteerSheet(List<Volunteer> volunteers, Map<String, String> phones) {

        public VolunteerSheet {
            volunteers = List.copyOf(volunteers);
            phones = Map.copyOf(phones);
        }
    }

    private final RegionStore regions;

    public VolunteerCsvImporter(RegionStore regions) {
        this.regions = regions;
    }

    /**
     * Adds the sheet's volunteers to region {@code regionId}.
     *
     * @return the number of volunteers added
     * @throws ImportRejectedException when a row is bad
     * @throws org.fieldplan.data.StoreException when the region is unknown or already has one of the ids
     */
    public int importCsv(String regionId, Path csv) {
        String text;
        try {
            text = Files.readString(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        VolunteerSheet sheet = read(text, csv.toString());
        regions.addVolunteers(regionId, sheet.volunteers(), sheet.phones());
        return sheet.volunteers().size();
    }

    /**
     * Reads a sheet without storing it.
     *
     * @param source how errors name the input, e.g. its file name
     * @throws ImportRejectedException listing every bad row
     */
    public static VolunteerSheet read(String text, String source) {
        List<CsvRecord> records = CsvRecords.parse(text.replace("\uFEFF", ""), source);
        if (records.isEmpty()) {
            throw new ImportRejectedException(source, List.of(new RowError(RowError.WHOLE_FILE, "the file is empty")));
        }
        Map<String, Integer> header = header(records.get(0), source);
        List<RowError> errors = new ArrayList<>();
        List<Volunteer> volunteers = new ArrayList<>();
        Map<String, String> phones = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            Row row = new Row(record, header, errors);
            Volunteer volunteer = row.volunteer();
            if (volunteer == null) {
                continue;
            }
            if (!ids.add(volunteer.getId())) {
                errors.add(new RowError(record.line(), "id: \"" + volunteer.getId() + "\" appears twice in the file"));
                continue;
            }
            volunteers.add(volunteer);
            String phone = row.text("phone");
            if (!phone.isEmpty()) {
                phones.put(volunteer.getId(), phone);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(source, errors);
        }
        return new VolunteerSheet(volunteers, phones);
    }

    private static Map<String, Integer> header(CsvRecord record, String source) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < record.fields().size(); i++) {
            positions.put(record.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(column -> !positions.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new ImportRejectedException(source, List.of(new RowError(record.line(),
                    "the header lacks the columns " + String.join(", ", missing) + " (expected "
                            + String.join(",", COLUMNS) + ")")));
        }
        List<String> deployment = DEPLOYMENT_COLUMNS.stream().filter(positions::containsKey).toList();
        if (!deployment.isEmpty() && deployment.size() < DEPLOYMENT_COLUMNS.size()) {
            throw new ImportRejectedException(source, List.of(new RowError(record.line(),
                    "a deployment offer needs all of the columns " + String.join(", ", DEPLOYMENT_COLUMNS)
                            + "; the header has only " + String.join(", ", deployment))));
        }
        return positions;
    }

    /** One data row being read; every unusable cell adds an error and the row yields no volunteer. */
    private static final class Row {
        private final CsvRecord record;
        private final Map<String, Integer> header;
        private final List<RowError> errors;
        private boolean bad;

        Row(CsvRecord record, Map<String, Integer> header, List<RowError> errors) {
            this.record = record;
            this.header = header;
            this.errors = errors;
        }

        Volunteer volunteer() {
            if (record.fields().size() != header.size()) {
                error("has " + record.fields().size() + " fields, the header " + header.size());
                return null;
            }
            String id = required("id");
            atMost("id", InputLimits.MAX_ID_LENGTH);
            atMost("name", InputLimits.MAX_TEXT_LENGTH);
            atMost("organizer_id", InputLimits.MAX_ID_LENGTH);
            if (!id.isEmpty()) {
                IdAlphabet.problem(id).ifPresent(problem -> error("id: " + problem));
            }
            double lat = number("lat", -90, 90);
            double lon = number("lon", -180, 180);
            Set<Skill> skills = list("skills", name -> Skill.valueOf(name.toUpperCase(Locale.ROOT)),
                    Arrays.toString(Skill.values()));
            Set<String> languages = list("languages", Function.identity(), null);
            TravelMode mode = single("travel_mode", name -> TravelMode.valueOf(name.toUpperCase(Locale.ROOT)),
                    Arrays.toString(TravelMode.values()));
            int maxTravelMinutes = (int) integer("max_travel_minutes", 1);
            List<AvailabilityWindow> availability = availability();
            int maxShifts = (int) integer("max_shifts", 0);
            int maxShiftsPerDay = (int) integer("max_shifts_per_day", 0);
            double attendance = number("attendance_probability", 0, 1);
            Set<String> preferred = list("preferred_precincts", Function.identity(), null);
            String organizer = text("organizer_id");
            if (!organizer.isEmpty()) {
                IdAlphabet.problem(organizer).ifPresent(problem -> error("organizer_id: " + problem));
            }
            List<DeploymentOffer> offers = deploymentOffers();
            Carpool carpool = carpool(mode);
            if (bad) {
                return null;
            }
            Point home = Geometries.FACTORY.createPoint(new Coordinate(lon, lat));
            String name = text("name");
            return new Volunteer(id, name.isEmpty() ? null : name, home, skills, languages, mode, maxTravelMinutes,
                    availability, maxShifts, maxShiftsPerDay, organizer.isEmpty() ? null : organizer, attendance,
                    preferred, offers, carpool);
        }

        /** None without the columns or with their three cells empty; else one offer, each cell checked. */
        private List<DeploymentOffer> deploymentOffers() {
            if (!header.containsKey(DEPLOYMENT_COLUMNS.get(0))
                    || DEPLOYMENT_COLUMNS.stream().allMatch(column -> text(column).isEmpty())) {
                return List.of();
            }
            LocalDate date = null;
            String day = required("deploy_date");
            try {
                date = day.isEmpty() ? null : LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                error("deploy_date: \"" + day + "\" is not a date like 2026-10-31");
            }
            int minutes = (int) integer("deploy_max_travel_minutes", 1);
            int slots = (int) integer("deploy_min_slots", 1);
            return date == null ? List.of() : List.of(new DeploymentOffer(date, minutes, slots));
        }

        String text(String column) {
            return record.fields().get(header.get(column)).strip();
        }

        /** The optional carpool columns; absent or empty cells: no seats, no detour, no ride. */
        private Carpool carpool(TravelMode mode) {
            int seats = header.containsKey("seats") && !text("seats").isEmpty() ? (int) integer("seats", 0) : 0;
            int detour = header.containsKey("detour_minutes") && !text("detour_minutes").isEmpty()
                    ? (int) integer("detour_minutes", 0) : 0;
            String ride = header.containsKey("can_ride") ? text("can_ride").toLowerCase(Locale.ROOT) : "";
            if (!ride.isEmpty() && !ride.equals("true") && !ride.equals("false")) {
                error("can_ride: must be true or false, was \"" + ride + "\"");
            }
            if (seats > 0 && mode != null && mode != TravelMode.CAR) {
                error("seats: only a volunteer who travels by car can offer seats, travel_mode is " + mode);
            }
            return new Carpool(seats, detour, ride.equals("true"));
        }

        private String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                error(column + ": is empty");
            }
            return value;
        }

        private double number(String column, double min, double max) {
            String value = required(column);
            try {
                double number = Double.parseDouble(value);
                if (number >= min && number <= max) {
                    return number;
                }
                error(column + ": must be between " + plain(min) + " and " + plain(max) + ", was " + value);
            } catch (NumberFormatException e) {
                if (!value.isEmpty()) {
                    error(column + ": not a number: \"" + value + "\"");
                }
            }
            return 0;
        }

        private long integer(String column, int min) {
            String value = required(column);
            try {
                long number = Long.parseLong(value);
                if (number >= min && number <= Integer.MAX_VALUE) {
                    return number;
                }
                error(column + ": must be a whole number from " + min + ", was " + value);
            } catch (NumberFormatException e) {
                if (!value.isEmpty()) {
                    error(column + ": not a whole number: \"" + value + "\"");
                }
            }
            return 0;
        }

        private <T> T single(String column, Function<String, T> parse, String allowed) {
            String value = required(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                error(column + ": unknown value \"" + value + "\"; allowed: " + allowed);
                return null;
            }
        }

        /** A {@code ;}-separated set; an empty cell is the empty set. */
        private <T> Set<T> list(String column, Function<String, T> parse, String allowed) {
            Set<T> values = new LinkedHashSet<>();
            for (String item : items(column)) {
                try {
                    values.add(parse.apply(item));
                } catch (IllegalArgumentException e) {
                    error(column + ": unknown value \"" + item + "\"; allowed: " + allowed);
                }
            }
            return values;
        }

        /** {@code 2026-10-31T09:00/2026-10-31T16:00;…}, each window ending no earlier than it starts. */
        private List<AvailabilityWindow> availability() {
            List<AvailabilityWindow> windows = new ArrayList<>();
            for (String item : items("availability")) {
                String[] ends = item.split("/", -1);
                try {
                    if (ends.length != 2) {
                        throw new DateTimeParseException("not START/END", item, 0);
                    }
                    LocalDateTime start = LocalDateTime.parse(ends[0].strip());
                    LocalDateTime end = LocalDateTime.parse(ends[1].strip());
                    if (end.isBefore(start)) {
                        error("availability: window \"" + item + "\" ends before it starts");
                    } else {
                        windows.add(new AvailabilityWindow(start, end));
                    }
                } catch (DateTimeParseException e) {
                    error("availability: \"" + item + "\" is not START/END like 2026-10-31T09:00/2026-10-31T16:00");
                }
            }
            return windows;
        }

        /** The problem format's length limit on a text column ({@link InputLimits}). */
        private void atMost(String column, int maxLength) {
            int length = text(column).length();
            if (length > maxLength) {
                error(String.format(Locale.ROOT, "%s: is %,d characters long, at most %d are allowed", column, length,
                        maxLength));
            }
        }

        private List<String> items(String column) {
            List<String> items = Arrays.stream(text(column).split(";")).map(String::strip)
                    .filter(item -> !item.isEmpty()).toList();
            int max = switch (column) {
                case "availability" -> InputLimits.MAX_WINDOWS;
                case "preferred_precincts" -> InputLimits.MAX_PREFERRED_PRECINCTS;
                default -> InputLimits.MAX_SHORT_LIST;
            };
            if (items.size() > max) {
                error(String.format(Locale.ROOT, "%s: lists %,d entries, at most %,d are allowed", column,
                        items.size(), max));
                return List.of();
            }
            return items;
        }

        private void error(String reason) {
            errors.add(new RowError(record.line(), reason));
            bad = true;
        }

        private static String plain(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
