package org.fieldplan.data.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.importer.ImportOptions;
import org.fieldplan.data.importer.PrecinctImporter;
import org.fieldplan.data.importer.SampleRegions;
import org.fieldplan.data.importer.VolunteerCsvImporter;
import org.fieldplan.data.streets.OsmStreetReader;
import org.fieldplan.data.streets.PostgisStreetStore;
import org.fieldplan.data.streets.Street;
import org.fieldplan.data.streets.StreetImporter;
import org.fieldplan.data.travel.road.RegionRoadTravel;
import org.fieldplan.data.travel.road.RoadNetwork;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.PrecinctMapping;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fieldplan import precincts|roads|volunteers|staging|generated|real}: regions into the PostGIS database named by
 * {@code FIELDPLAN_DB_URL}, or checked only ({@code precincts --dry-run}), or written as a problem file
 * ({@code real --out}); neither needs a database. Nothing is half-imported.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports precincts, volunteers, staging locations or whole regions (docs/import.md).",
        subcommands = {ImportCommand.Precincts.class, ImportCommand.Roads.class, ImportCommand.Volunteers.class,
                StagingImportCommand.class, ImportCommand.Generated.class, ImportCommand.Real.class},
        footer = {"", CliContext.DATABASE, "", "Examples:",
                "  fieldplan import precincts --region ct --file ../shared/data/precincts/CT_precincts.zip \\",
                "      --mapping docs/mappings/connecticut.json --dry-run",
                "  fieldplan import generated --region demo-m --size M --seed 7",
                "  fieldplan import real --region ri --file ../shared/data/precincts/ri-precincts.geojson \\",
                "      --mapping rhode-island --census ../shared/data/census/cenpop2020_bg_RI.csv --out out/ri.json"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return FieldplanCommand.usageOf(spec);
    }

    /** {@code --join-file}: required exactly when the mapping declares a join, so neither is silently ignored. */
    static Path joinFile(CommandSpec spec, Path given, PrecinctMapping mapping) {
        if (mapping.join() != null && given == null) {
            throw new ParameterException(spec.commandLine(), "--join-file is required: the mapping joins a table "
                    + "(join.tableKey " + mapping.join().tableKey() + "), e.g. the election results");
        }
        if (mapping.join() == null && given != null) {
            throw new ParameterException(spec.commandLine(),
                    "--join-file is given but the mapping declares no join (see docs/import.md)");
        }
        return given == null ? null : CliContext.existingFile(spec, "--join-file", given);
    }

    static void reportRegion(CliContext context, String region, FieldPlanProblem stored) {
        context.out().printf("imported region %s: %d precincts, %d volunteers, %d time slots%n", region,
                stored.precincts().size(), stored.volunteers().size(), stored.timeSlots().size());
    }

    @Command(name = "precincts", mixinStandardHelpOptions = true,
            description = "Imports a precinct file of any format and CRS through a mapping; prints the import report "
                    + "(stdout when imported, stderr when rejected).",
            footer = {"", CliContext.DATABASE, "", "FILE: zipped shapefile, GeoJSON, GeoPackage, CSV with WKT or lon/lat, any of them gzipped.",
                    "Presets: rhode-island, new-hampshire; mapping files: docs/import.md.", "", "Examples:",
                    "  fieldplan import precincts --region ct --file ../shared/data/precincts/CT_precincts.zip \\",
                    "      --mapping docs/mappings/connecticut.json --dry-run",
                    "  fieldplan import precincts --region ri --file ri-precincts.geojson --mapping rhode-island"})
    static final class Precincts implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, description = "the new region's id")
        String region;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "the precinct file")
        Path file;

        @Option(names = "--mapping", required = true, paramLabel = "PRESET|MAPPING.json",
                description = "which columns are what")
        String mapping;

        @Option(names = "--name", description = "the region's name (default: the file's)")
        String name;

        @Option(names = "--join-file", paramLabel = "TABLE",
                description = "the table the mapping's join joins by key (e.g. results CSV)")
        Path joinFile;

        @Option(names = "--calendar", paramLabel = "CALENDAR.json",
                description = "stored with the precincts (docs/calendar.md)")
        Path calendarFile;

        @Option(names = "--osm", paramLabel = "EXTRACT.osm.pbf",
                description = "the region's roads: meeting points on streets, the map's streets layer")
        Path osm;

        @Option(names = "--dry-run", description = "print the report, store nothing (needs no database)")
        boolean dryRun;

        @Option(names = "--skip-bad-rows", description = "leave unusable rows out (listed) instead of rejecting")
        boolean skipBadRows;

        Precincts(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CliContext.regionId(spec, region);
            CliContext.existingFile(spec, "--file", file);
            PrecinctMapping precinctMapping = PrecinctMapping.resolve(mapping);
            CampaignCalendar calendar = calendarFile == null ? null
                    : CalendarCommand.checkedCalendar(context, spec, calendarFile);
            ImportOptions options = new ImportOptions(dryRun, skipBadRows, name,
                    joinFile(spec, joinFile, precinctMapping));
            // Read before anything is stored: an unreadable extract imports nothing.
            List<Street> streets = osm == null ? null
                    : OsmStreetReader.read(CliContext.existingFile(spec, "--osm", osm), osm.getFileName().toString());
            // A dry run stores nothing, so it needs no database.
            DataStores stores = dryRun && !context.environment().containsKey("FIELDPLAN_DB_URL")
                    ? DataStores.inMemory() : context.stores(spec);
            ImportReport report = new PrecinctImporter(stores.regions()).importFile(region, file, precinctMapping,
                    options, calendar);
            report.lines().forEach(report.accepted() ? context.out()::println : context.err()::println);
            if (report.outcome() == ImportReport.Outcome.STORED && calendar != null) {
                CalendarCommand.report(context.out(), region, stores.calendarChange().apply(region, calendar));
            }
            if (streets != null && report.accepted()) {
                String extract = osm.getFileName().toString();
                context.out().println(report.outcome() == ImportReport.Outcome.STORED
                        ? new StreetImporter(new PostgisStreetStore(context.dataSource(spec))).store(region,
                                report.precincts(), streets, extract).line()
                        : StreetImporter.check(report.precincts(), streets, extract).line());
            }
            return report.accepted() ? 0 : FieldplanCommand.DATA_ERROR;
        }
    }

    @Command(name = "roads", aliases = "streets", mixinStandardHelpOptions = true,
            description = "Reads a stored region's roads from an OpenStreetMap extract: meeting points on streets, the "
                    + "map's streets layer, and every volunteer's travel minutes over the roads (run it again after "
                    + "adding volunteers).",
            footer = {"", CliContext.DATABASE, "Routing graphs: FIELDPLAN_GRAPH_CACHE (default: fieldplan-graphs in the "
                    + "temp folder), one per extract.", "", "Example:",
                    "  fieldplan import roads --region franklin --osm ../shared/data/osm/columbus.osm.pbf"})
    static final class Roads implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, description = "a stored region's id")
        String region;

        @Option(names = "--osm", required = true, paramLabel = "EXTRACT.osm.pbf", description = "the extract")
        Path osm;

        Roads(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CliContext.regionId(spec, region);
            CliContext.existingFile(spec, "--osm", osm);
            DataStores stores = context.stores(spec);
            // Both read before anything is stored, so that a bad extract stores nothing.
            List<Street> streets = OsmStreetReader.read(osm, osm.getFileName().toString());
            try (RoadNetwork network = roadNetwork(context, osm)) {
                context.out().println(new StreetImporter(new PostgisStreetStore(context.dataSource(spec))).store(
                        region, StreetImporter.precinctsOf(stores.regions(), region), streets,
                        osm.getFileName().toString()).line());
                new RegionRoadTravel(network).computeAndStore(stores, region).lines().forEach(context.out()::println);
            }
            return 0;
        }
    }

    /** The extract's routing graph, from the cache ({@code FIELDPLAN_GRAPH_CACHE}) or built there. */
    static RoadNetwork roadNetwork(CliContext context, Path extract) {
        return RoadNetwork.open(extract, RoadNetwork.cacheRoot(context.environment()));
    }

    @Command(name = "volunteers", mixinStandardHelpOptions = true,
            description = "Adds the volunteers of a CSV sheet to a stored region (columns: data/README.md).",
            footer = {"", CliContext.DATABASE, "", "Example:", "  fieldplan import volunteers --region ri --csv volunteers.csv"})
    static final class Volunteers implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, description = "a stored region's id")
        String region;

        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the volunteer sheet")
        Path csv;

        Volunteers(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CliContext.regionId(spec, region);
            CliContext.existingFile(spec, "--csv", csv);
            int added = new VolunteerCsvImporter(context.stores(spec).regions()).importCsv(region, csv);
            context.out().printf("added %d volunteers to region %s%n", added, region);
            return 0;
        }
    }

    @Command(name = "generated", mixinStandardHelpOptions = true,
            description = "Stores a generated demo region (as fieldplan generate makes).",
            footer = {"", CliContext.DATABASE, "", "Example:", "  fieldplan import generated --region demo-m --size M --seed 7"})
    static final class Generated implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, description = "the new region's id")
        String region;

        @Option(names = "--size", required = true, description = "${COMPLETION-CANDIDATES}")
        RegionSize size;

        @Option(names = "--seed", required = true, description = "random seed")
        long seed;

        Generated(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CliContext.regionId(spec, region);
            reportRegion(context, region, new SampleRegions(context.stores(spec).regions())
                    .generated(region, size, seed));
            return 0;
        }
    }

    @Command(name = "real", mixinStandardHelpOptions = true,
            description = "Real precincts with volunteers placed at census block-group centres: stored as a region, "
                    + "or written as a problem file for fieldplan solve (--out, no database).",
            footer = {"", CliContext.DATABASE, "", "Examples:",
                    "  fieldplan import real --region ri --file ../shared/data/precincts/ri-precincts.geojson \\",
                    "      --mapping rhode-island --census ../shared/data/census/cenpop2020_bg_RI.csv \\",
                    "      --volunteers 2000 --seed 7 --out out/ri.json",
                    "  fieldplan import real --region ct --file CT_precincts.zip --mapping docs/mappings/connecticut.json \\",
                    "      --census cenpop2020_bg_CT.csv --calendar docs/calendars/eastern-gotv-2026.json"})
    static final class Real implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, description = "the region's id (its problem is \"Real region ID\")")
        String region;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "the precinct file")
        Path file;

        @Option(names = "--mapping", required = true, paramLabel = "PRESET|MAPPING.json",
                description = "which columns are what")
        String mapping;

        @Option(names = "--census", required = true, paramLabel = "CSV",
                description = "the state's census block-group centres of population")
        Path census;

        @Option(names = "--volunteers", defaultValue = "2000", paramLabel = "N",
                description = "how many (default: ${DEFAULT-VALUE})")
        int volunteers;

        @Option(names = "--seed", defaultValue = "7", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--join-file", paramLabel = "TABLE", description = "the table the mapping's join joins")
        Path joinFile;

        @Option(names = "--calendar", paramLabel = "CALENDAR.json",
                description = "volunteers' availability drawn over it (docs/calendar.md)")
        Path calendarFile;

        @Option(names = "--osm", paramLabel = "EXTRACT.osm.pbf",
                description = "travel minutes over the extract's roads, stored or written with the problem; stored: "
                        + "meeting points on streets too")
        Path osm;

        @Option(names = "--out", paramLabel = "PROBLEM.json",
                description = "write the problem for fieldplan solve instead of storing it (no database)")
        Path out;

        @Option(names = "--skip-bad-rows", description = "leave unusable rows out (listed) instead of rejecting")
        boolean skipBadRows;

        Real(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CliContext.regionId(spec, region);
            CliContext.existingFile(spec, "--file", file);
            CliContext.existingFile(spec, "--census", census);
            CliContext.positive(spec, "--volunteers", volunteers);
            PrecinctMapping precinctMapping = PrecinctMapping.resolve(mapping);
            Path join = joinFile(spec, joinFile, precinctMapping);
            CampaignCalendar calendar = calendarFile == null ? null
                    : CalendarCommand.checkedCalendar(context, spec, calendarFile);
            // Read first, so that a bad extract stops the command before anything is imported.
            List<Street> streets = osm == null || out != null ? null
                    : OsmStreetReader.read(CliContext.existingFile(spec, "--osm", osm), osm.getFileName().toString());
            try (RoadNetwork network = osm == null ? null
                    : roadNetwork(context, CliContext.existingFile(spec, "--osm", osm))) {
                return importRegion(precinctMapping, join, calendar, streets, network);
            }
        }

        private int importRegion(PrecinctMapping precinctMapping, Path join, CampaignCalendar calendar,
                List<Street> streets, RoadNetwork network) {
            DataStores stores = out == null ? context.stores(spec) : DataStores.inMemory();
            SampleRegions.RealRegion real = new SampleRegions(stores.regions()).realWithReport(region, file, join,
                    precinctMapping, census, volunteers, seed, calendar, skipBadRows);
            // The precinct report's findings (proxies, capped turnout, repairs …); its summary line would say "stored".
            real.report().lines().stream().skip(1).forEach(context.out()::println);
            FieldPlanProblem problem = real.region();
            if (out == null) {
                reportRegion(context, region, problem);
                if (network != null) {
                    context.out().println(new StreetImporter(new PostgisStreetStore(context.dataSource(spec)))
                            .store(region, problem.precincts(), streets, osm.getFileName().toString()).line());
                    new RegionRoadTravel(network).computeAndStore(stores, region).lines()
                            .forEach(context.out()::println);
                }
                return 0;
            }
            if (network != null) {
                RegionRoadTravel.Stated stated = new RegionRoadTravel(network).state(problem);
                stated.report().lines().forEach(context.out()::println);
                problem = stated.problem();
            }
            ProblemJson.write(problem, out);
            context.out().printf("wrote %s: %d precincts, %d volunteers, %d time slots%n", out,
                    problem.precincts().size(), problem.volunteers().size(), problem.timeSlots().size());
            return 0;
        }
    }
}
