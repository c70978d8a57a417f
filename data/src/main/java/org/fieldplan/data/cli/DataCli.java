package org.fieldplan.data.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.fieldplan.calendar.CalendarChecks;
import org.fieldplan.calendar.CalendarJson;
import org.fieldplan.calendar.CampaignCalendar;
import org.fieldplan.calendar.CampaignClock;
import org.fieldplan.cli.CliArguments;
import org.fieldplan.cli.CliException;
import org.fieldplan.cli.CliUsage;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.importer.ImportOptions;
import org.fieldplan.data.importer.ImportRejectedException;
import org.fieldplan.data.importer.PrecinctImporter;
import org.fieldplan.data.importer.SampleRegions;
import org.fieldplan.data.importer.VolunteerCsvImporter;
import org.fieldplan.data.region.RegionCalendar;
import org.fieldplan.data.travel.road.RegionRoadTravel;
import org.fieldplan.data.travel.road.RoadNetwork;
import org.fieldplan.data.travel.road.RoadNetworkException;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.generator.RegionSize;
import org.fieldplan.io.ProblemJson;
import org.fieldplan.mapping.ImportReport;
import org.fieldplan.mapping.MappingException;
import org.fieldplan.mapping.PrecinctMapping;
import org.fieldplan.validation.IdAlphabet;
import org.fieldplan.validation.ProblemValidationException;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data module's command line ({@code java -jar data/target/fieldplan-data.jar}): imports precincts, volunteers
 * and whole regions into the PostGIS database named by {@code FIELDPLAN_DB_URL} (with {@code FIELDPLAN_DB_USER},
 * {@code FIELDPLAN_DB_PASSWORD}). User errors print one line and exit with 2; nothing is half-imported.
 */
public final class DataCli {

    private static final CliUsage USAGE = new CliUsage("""
            usage: fieldplan-data <command> [options]
              import-precincts  --region ID --file FILE --mapping PRESET|MAPPING.json [--name NAME]
                                [--join-file TABLE] [--calendar CALENDAR.json] [--dry-run] [--skip-bad-rows]
                                FILE: zipped shapefile, GeoJSON, GeoPackage, CSV with WKT or lon/lat (any CRS);
                                TABLE: the table the mapping's join joins by key (e.g. results CSV);
                                presets: rhode-island, new-hampshire; mapping files: docs/import.md
              import-volunteers --region ID --csv FILE            (into an existing region; columns: data/README.md)
              import-generated  --region ID --size S|M|L|XL --seed N
              import-real       --region ID --mapping PRESET|MAPPING.json --file FILE --census CSV
                                --volunteers N --seed N [--join-file TABLE] [--calendar CALENDAR.json]
                                [--osm EXTRACT.osm.pbf] [--out problem.json] [--skip-bad-rows]
                                (--out: write the problem for `fieldplan solve` instead of storing it; no database;
                                 --osm: travel minutes over the extract's roads, stored or written with the problem)
              set-calendar      --region ID --calendar CALENDAR.json  (time zone, days, slots: docs/calendar.md)
              show-calendar     --region ID
              place-volunteers  --region ID --census CSV --volunteers N --seed N
                                (census block-group centres; availability over the region's calendar)
              road-travel       --region ID --osm EXTRACT.osm.pbf
                                (every volunteer's minutes to the precincts within their limit over the roads,
                                 stored with the region for every solve and repair; again after adding volunteers)
            database: FIELDPLAN_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/fieldplan), FIELDPLAN_DB_USER,
                      FIELDPLAN_DB_PASSWORD
            routing graphs: FIELDPLAN_GRAPH_CACHE (default: fieldplan-graphs in the temp folder), one per extract
            """);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    DataCli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /**
     * Flyway logs every migration check, and the JDBC URL, at INFO through java.util.logging on stderr: that would
     * bury the lines a user needs. Held in a field because JUL keeps loggers only weakly: a level set on a logger
     * nobody references is lost when it is garbage-collected (which is why a bare setLevel call did not work).
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    public static void main(String[] args) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        System.exit(new DataCli(System.out, System.err, System.getenv()).run(args));
    }

    /** Runs one command; returns the process exit code. */
    int run(String[] args) {
        try {
            if (args.length == 0) {
                out.print(USAGE.text());
                return 2;
            }
            if (CliUsage.asksForHelp(args)) {
                out.print(USAGE.helpFor(args));
                return 0;
            }
            String command = args[0];
            switch (command) {
                case "import-precincts" -> {
                    return importPrecincts(new CliArguments(command, args, 1, Set.of("region", "file", "mapping",
                            "name", "calendar", "join-file"), Set.of("dry-run", "skip-bad-rows")));
                }
                case "import-volunteers" -> importVolunteers(options(args, "region", "csv"));
                case "import-generated" -> importGenerated(options(args, "region", "size", "seed"));
                case "import-real" -> importReal(new CliArguments(command, args, 1, Set.of("region", "mapping",
                        "file", "census", "volunteers", "seed", "calendar", "out", "join-file", "osm"),
                        Set.of("skip-bad-rows")));
                case "set-calendar" -> setCalendar(options(args, "region", "calendar"));
                case "show-calendar" -> showCalendar(options(args, "region"));
                case "place-volunteers" -> placeVolunteers(options(args, "region", "census", "volunteers", "seed"));
                case "road-travel" -> roadTravel(options(args, "region", "osm"));
                default -> throw new CliException("unknown command '" + command + "' (try: fieldplan-data help)");
            }
            return 0;
        } catch (ImportRejectedException e) {
            // Each error once, on a line of its own: thousands of them must not make one giant line.
            err.println("fieldplan-data: " + e.source() + " rejected, nothing imported: " + e.errors().size()
                    + (e.errors().size() == 1 ? " error" : " errors"));
            e.errors().forEach(error -> err.println("  " + error));
            return 2;
        } catch (CliException | UncheckedIOException | StoreException | FlywayException | MappingException
                | NoSuchElementException | RoadNetworkException e) {
            // One line per error: a database error may span several.
            err.println("fieldplan-data: " + String.join(" ", e.getMessage().strip().lines().toList()));
            return 2;
        }
    }

    /** {@code --region}: region ids travel in the API's URLs, so they are in the id alphabet. */
    private static String regionId(CliArguments arguments) {
        String region = arguments.required("region");
        IdAlphabet.problem(region).ifPresent(problem -> {
            throw new CliException("--region " + problem);
        });
        return region;
    }

    private static CliArguments options(String[] args, String... allowed) {
        return new CliArguments(args[0], args, 1, Set.of(allowed));
    }

    /** Prints the import report, one finding per line: on stdout when imported, on stderr when rejected. */
    private int importPrecincts(CliArguments arguments) {
        String region = regionId(arguments);
        Path file = arguments.existingFile("file");
        PrecinctMapping mapping = PrecinctMapping.resolve(arguments.required("mapping"));
        CampaignCalendar calendar = calendarOption(arguments);
        ImportOptions options = new ImportOptions(arguments.flag("dry-run"), arguments.flag("skip-bad-rows"),
                arguments.optional("name", null), joinFile(arguments, mapping));
        // A dry run stores nothing, so it needs no database.
        DataStores stores = options.dryRun() && !environment.containsKey("FIELDPLAN_DB_URL") ? DataStores.inMemory()
                : stores();
        ImportReport report = new PrecinctImporter(stores.regions()).importFile(region, file, mapping, options,
                calendar);
        report.lines().forEach(report.accepted() ? out::println : err::println);
        if (report.outcome() == ImportReport.Outcome.STORED && calendar != null) {
            reportCalendar(region, stores.calendarChange().apply(region, calendar));
        }
        return report.accepted() ? 0 : 2;
    }

    private void importVolunteers(CliArguments arguments) {
        String region = regionId(arguments);
        Path csv = arguments.existingFile("csv");
        int added = new VolunteerCsvImporter(stores().regions()).importCsv(region, csv);
        out.printf("added %d volunteers to region %s%n", added, region);
    }

    private void importGenerated(CliArguments arguments) {
        String region = regionId(arguments);
        RegionSize size = arguments.choice("size", RegionSize.class);
        long seed = arguments.anyLong("seed", null);
        reportRegion(region, new SampleRegions(stores().regions()).generated(region, size, seed));
    }

    private void importReal(CliArguments arguments) {
        String region = regionId(arguments);
        Path file = arguments.existingFile("file");
        Path census = arguments.existingFile("census");
        PrecinctMapping mapping = PrecinctMapping.resolve(arguments.required("mapping"));
        Path joinFile = joinFile(arguments, mapping);
        long volunteers = arguments.positiveLong("volunteers", null);
        long seed = arguments.anyLong("seed", null);
        if (volunteers > Integer.MAX_VALUE) {
            throw new CliException("--volunteers is too large: " + volunteers);
        }
        String out = arguments.optional("out", null);
        // Opened first, so a bad extract stops the command before anything is imported.
        try (RoadNetwork network = arguments.optional("osm", null) == null ? null
                : openRoadNetwork(arguments.existingFile("osm"))) {
            importRealRegion(arguments, region, file, census, mapping, joinFile, (int) volunteers, seed, out, network);
        }
    }

    private void importRealRegion(CliArguments arguments, String region, Path file, Path census,
            PrecinctMapping mapping, Path joinFile, int volunteers, long seed, String out, RoadNetwork network) {
        DataStores stores = out == null ? stores() : DataStores.inMemory();
        SampleRegions.RealRegion real = new SampleRegions(stores.regions()).realWithReport(region, file, joinFile,
                mapping, census, volunteers, seed, calendarOption(arguments), arguments.flag("skip-bad-rows"));
        // The precinct report's findings (proxies, capped turnout, repairs …); its summary line would say "stored".
        real.report().lines().stream().skip(1).forEach(this.out::println);
        FieldPlanProblem problem = real.region();
        if (out == null) {
            reportRegion(region, problem);
            if (network != null) {
                new RegionRoadTravel(network).computeAndStore(stores, region).lines().forEach(this.out::println);
            }
            return;
        }
        if (network != null) {
            RegionRoadTravel.Stated stated = new RegionRoadTravel(network).state(problem);
            stated.report().lines().forEach(this.out::println);
            problem = stated.problem();
        }
        ProblemJson.write(problem, Path.of(out));
        this.out.printf("wrote %s: %d precincts, %d volunteers, %d time slots%n", out, problem.precincts().size(),
                problem.volunteers().size(), problem.timeSlots().size());
    }

    private void setCalendar(CliArguments arguments) {
        String region = regionId(arguments);
        Path file = arguments.existingFile("calendar");
        CampaignCalendar calendar = readCalendar(file);
        DataStores stores = stores();
        try {
            stores.calendarChange().check(region, calendar, clock()).forEach(w -> out.println("warning: " + w));
        } catch (ProblemValidationException e) {
            throw refused(file, e);
        }
        reportCalendar(region, stores.calendarChange().apply(region, calendar));
    }

    private void showCalendar(CliArguments arguments) {
        String region = regionId(arguments);
        RegionCalendar calendar = stores().regions().calendar(region);
        reportCalendar(region, calendar);
        calendar.declared().ifPresent(declared -> out.println(CalendarJson.write(declared)));
    }

    private void placeVolunteers(CliArguments arguments) {
        String region = regionId(arguments);
        Path census = arguments.existingFile("census");
        long volunteers = arguments.positiveLong("volunteers", null);
        long seed = arguments.anyLong("seed", null);
        if (volunteers > Integer.MAX_VALUE) {
            throw new CliException("--volunteers is too large: " + volunteers);
        }
        int added = new SampleRegions(stores().regions()).censusVolunteers(region, census, (int) volunteers, seed)
                .size();
        out.printf("added %d volunteers to region %s at census block-group centres of %s%n", added, region,
                census.getFileName());
    }

    private void roadTravel(CliArguments arguments) {
        String region = regionId(arguments);
        try (RoadNetwork network = openRoadNetwork(arguments.existingFile("osm"))) {
            new RegionRoadTravel(network).computeAndStore(stores(), region).lines().forEach(out::println);
        }
    }

    /** The extract's routing graph, from the cache ({@code FIELDPLAN_GRAPH_CACHE}) or built there. */
    private RoadNetwork openRoadNetwork(Path extract) {
        return RoadNetwork.open(extract, RoadNetwork.cacheRoot(environment));
    }

    /** {@code --join-file}: required exactly when the mapping declares a join, so neither is silently ignored. */
    private static Path joinFile(CliArguments arguments, PrecinctMapping mapping) {
        boolean given = arguments.optional("join-file", null) != null;
        if (mapping.join() != null && !given) {
            throw new CliException("--join-file is required: the mapping joins a table (join.tableKey "
                    + mapping.join().tableKey() + "), e.g. the election results");
        }
        if (mapping.join() == null && given) {
            throw new CliException("--join-file is given but the mapping declares no join (see docs/import.md)");
        }
        return given ? arguments.existingFile("join-file") : null;
    }

    /**
     * The {@code --calendar} file, read and checked before anything is imported (an election day in the past is
     * refused); null when not given.
     */
    private CampaignCalendar calendarOption(CliArguments arguments) {
        String name = arguments.optional("calendar", null);
        if (name == null) {
            return null;
        }
        Path file = arguments.existingFile("calendar");
        CampaignCalendar calendar = readCalendar(file);
        var past = CalendarChecks.inThePast(calendar, clock().today(calendar.timeZone()));
        if (!past.isEmpty()) {
            throw refused(file, new ProblemValidationException(past));
        }
        return calendar;
    }

    private static CampaignCalendar readCalendar(Path file) {
        try {
            return CalendarJson.read(file);
        } catch (ProblemValidationException e) {
            throw refused(file, e);
        }
    }

    private static CliException refused(Path file, ProblemValidationException e) {
        return new CliException(file + ": " + e.getErrors().stream().map(Object::toString)
                .collect(Collectors.joining("; ")));
    }

    /** "Now": {@code FIELDPLAN_NOW} when set (rehearsals of past dates), else the system clock. */
    private CampaignClock clock() {
        try {
            return CampaignClock.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    private void reportCalendar(String region, RegionCalendar calendar) {
        out.printf("region %s: calendar in %s, %d time slots from %s to %s%s%n", region, calendar.timeZone(),
                calendar.slots().size(), calendar.firstDay().map(Object::toString).orElse("-"),
                calendar.lastDay().map(Object::toString).orElse("-"),
                calendar.declared().isPresent() ? "" : " (slots stated directly, no declared calendar)");
    }

    private void reportRegion(String region, FieldPlanProblem stored) {
        out.printf("imported region %s: %d precincts, %d volunteers, %d time slots%n", region,
                stored.precincts().size(), stored.volunteers().size(), stored.timeSlots().size());
    }

    /** The stores of the configured database; commands check their options first, so a typo needs no database. */
    private DataStores stores() {
        return DataStores.postgis(dataSource());
    }

    private PGSimpleDataSource dataSource() {
        String url = environment.get("FIELDPLAN_DB_URL");
        if (url == null || url.isBlank()) {
            throw new CliException("FIELDPLAN_DB_URL is not set (e.g. jdbc:postgresql://127.0.0.1:5432/fieldplan)");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw new CliException("FIELDPLAN_DB_URL is not a PostgreSQL JDBC URL: " + url);
        }
        dataSource.setUser(environment.getOrDefault("FIELDPLAN_DB_USER", "postgres"));
        dataSource.setPassword(environment.getOrDefault("FIELDPLAN_DB_PASSWORD", ""));
        return dataSource;
    }
}
