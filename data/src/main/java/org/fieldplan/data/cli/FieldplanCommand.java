package org.fieldplan.data.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.fieldplan.data.StoreException;
import org.fieldplan.data.importer.ImportRejectedException;
import org.fieldplan.data.streets.OsmStreetReader;
import org.fieldplan.data.travel.road.RoadNetworkException;
import org.fieldplan.data.mapping.MappingException;
import org.fieldplan.validation.ProblemValidationException;
import org.flywaydb.core.api.FlywayException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code fieldplan} command line ({@code scripts/fieldplan}, {@code java -jar data/target/fieldplan.jar}):
 * generate, import, check and solve problems, keep regions and their calendars in PostGIS. Exit codes: 0 done,
 * 1 the data was refused or a store failed, 2 the command line (or its environment) is wrong; errors are one line
 * naming the command and the option, a refused file one line per error.
 */
@Command(name = "fieldplan", mixinStandardHelpOptions = true, versionProvider = FieldplanCommand.Version.class,
        description = "Plans where a campaign's volunteers canvass: generate or import a region, solve it, keep it.",
        subcommands = {GenerateCommand.class, ImportCommand.class, CheckCommand.class, SolveCommand.class,
                CalendarCommand.class, PlaceVolunteersCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  fieldplan generate --size S --seed 7 --out out/s.json",
                "  fieldplan solve --problem out/s.json --seconds 10 --out out/s-plan.json",
                "  fieldplan import precincts --region ct --file CT_precincts.zip --mapping docs/mappings/connecticut.json --dry-run",
                "  fieldplan help import real",
                "", "Exit codes: 0 done, 1 data refused or a store failed, 2 wrong command line or environment.",
                "Database (import, calendar, place-volunteers): FIELDPLAN_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/fieldplan),",
                "FIELDPLAN_DB_USER, FIELDPLAN_DB_PASSWORD. FIELDPLAN_NOW sets \"now\" for calendar checks."})
public final class FieldplanCommand implements Callable<Integer> {

    /** Wide enough that no example of a usage footer is wrapped (it must run as printed). */
    private static final int USAGE_WIDTH = 120;
    /** Usage errors: the command line or its environment. */
    public static final int USAGE_ERROR = 2;
    /** Data errors: a refused file or problem, a store that failed. */
    public static final int DATA_ERROR = 1;

    /**
     * Flyway logs every migration check, the JDBC URL and notices such as "extension postgis already exists"
     * through SLF4J (slf4j-simple in this jar): that would bury the lines a user needs. Its errors still show.
     */
    private static final String FLYWAY_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.flywaydb";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty(FLYWAY_LOG_LEVEL, "error");
        System.exit(run(new CliContext(System.out, System.err, System.getenv()), args));
    }

    /** Runs one command line; returns the process exit code. */
    public static int run(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(FieldplanCommand.class, new ContextFactory(context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(USAGE_WIDTH)
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true))
                .setParameterExceptionHandler((e, arguments) -> {
                    context.err().println(e.getCommandLine().getCommandSpec().qualifiedName() + ": "
                            + oneLine(e.getMessage()) + " (see " + e.getCommandLine().getCommandSpec().qualifiedName()
                            + " --help)");
                    return USAGE_ERROR;
                })
                .setExecutionExceptionHandler((e, cl, parsed) -> dataError(context.err(),
                        cl.getCommandSpec().qualifiedName(), e));
        return commandLine.execute(args);
    }

    /** {@code fieldplan} alone: the usage, and a usage error (a command is missing). */
    @Override
    public Integer call() {
        return usageOf(spec);
    }

    /** Prints a command group's usage when no subcommand was given; exit code 2. */
    static int usageOf(CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE_ERROR;
    }

    private static int dataError(PrintStream err, String command, Exception e) throws Exception {
        if (e instanceof ImportRejectedException rejected) {
            // Each error once, on a line of its own: thousands of them must not make one giant line.
            String head = command + ": " + rejected.source() + " rejected, nothing imported: ";
            if (rejected.errors().size() == 1) {
                err.println(head + rejected.errors().get(0));
            } else {
                err.println(head + rejected.errors().size() + " errors");
                rejected.errors().forEach(error -> err.println("  " + error));
            }
            return DATA_ERROR;
        }
        if (e instanceof OsmStreetReader.UnreadableExtractException unreadable) {
            err.println(command + ": --osm " + oneLine(unreadable.getMessage()) + "; nothing imported");
            return DATA_ERROR;
        }
        if (e instanceof ProblemValidationException invalid) {
            err.println(command + ": invalid problem: " + invalid.getErrors().stream().map(Object::toString)
                    .collect(Collectors.joining("; ")));
            return DATA_ERROR;
        }
        if (e instanceof UncheckedIOException || e instanceof StoreException || e instanceof FlywayException
                || e instanceof MappingException || e instanceof NoSuchElementException
                || e instanceof DataRefusedException || e instanceof RoadNetworkException) {
            err.println(command + ": " + oneLine(e.getMessage()));
            return DATA_ERROR;
        }
        throw e;
    }

    /** One line per error: a database error may span several. */
    private static String oneLine(String message) {
        return String.join(" ", message.strip().lines().toList());
    }

    /** Creates every subcommand with the shared {@link CliContext}. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The jar's version (its manifest), or "development build" when run from the classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FieldplanCommand.class.getPackage().getImplementationVersion();
            return new String[] {"fieldplan " + (version == null ? "development build" : version)};
        }
    }
}
