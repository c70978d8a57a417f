package org.fieldplan.data.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.fieldplan.data.calendar.CalendarChecks;
import org.fieldplan.data.calendar.CalendarJson;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.region.RegionCalendar;
import org.fieldplan.validation.ProblemValidationException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fieldplan calendar set|show}: a stored region's campaign calendar (time zone, days, slots:
 * docs/calendar.md); also reads and checks the {@code --calendar} files of the import commands.
 */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = "Sets or shows a stored region's campaign calendar (time zone, days, slots).",
        subcommands = {CalendarCommand.Set.class, CalendarCommand.Show.class},
        footer = {"", CliContext.DATABASE, "", "Examples:",
                "  fieldplan calendar set --region ct --calendar docs/calendars/eastern-gotv-2026.json",
                "  fieldplan calendar show --region ct"})
final class CalendarCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return FieldplanCommand.usageOf(spec);
    }

    /** A calendar file read and checked before anything is stored: an election day in the past is refused. */
    static CampaignCalendar checkedCalendar(CliContext context, CommandSpec spec, Path file) {
        CampaignCalendar calendar = readCalendar(spec, file);
        var past = CalendarChecks.inThePast(calendar, context.clock(spec).today(calendar.timeZone()));
        if (!past.isEmpty()) {
            throw refused(file, new ProblemValidationException(past));
        }
        return calendar;
    }

    static CampaignCalendar readCalendar(CommandSpec spec, Path file) {
        try {
            return CalendarJson.read(CliContext.existingFile(spec, "--calendar", file));
        } catch (ProblemValidationException e) {
            throw refused(file, e);
        }
    }

    static DataRefusedException refused(Path file, ProblemValidationException e) {
        return new DataRefusedException(file + ": " + e.getErrors().stream().map(Object::toString)
                .collect(Collectors.joining("; ")));
    }

    static void report(PrintStream out, String region, RegionCalendar calendar) {
        out.printf("region %s: calendar in %s, %d time slots from %s to %s%s%n", region, calendar.timeZone(),
                calendar.slots().size(), calendar.firstDay().map(Object::toString).orElse("-"),
                calendar.lastDay().map(Object::toString).orElse("-"),
                calendar.declared().isPresent() ? "" : " (slots stated directly, no declared calendar)");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Replaces a stored region's calendar; warns when its zone is off the region's solar time.",
            footer = {"", CliContext.DATABASE, "", "Example:",
                    "  fieldplan calendar set --region ct --calendar docs/calendars/eastern-gotv-2026.json"})
    static final class Set implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, description = "a stored region's id")
        String region;

        @Option(names = "--calendar", required = true, paramLabel = "CALENDAR.json", description = "docs/calendar.md")
        Path file;

        Set(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CliContext.regionId(spec, region);
            CampaignCalendar calendar = readCalendar(spec, file);
            DataStores stores = context.stores(spec);
            try {
                stores.calendarChange().check(region, calendar, context.clock(spec))
                        .forEach(warning -> context.out().println("warning: " + warning));
            } catch (ProblemValidationException e) {
                throw refused(file, e);
            }
            report(context.out(), region, stores.calendarChange().apply(region, calendar));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints a stored region's calendar: its slots, and the declaration as JSON when there is one.",
            footer = {"", CliContext.DATABASE, "", "Example:", "  fieldplan calendar show --region ct"})
    static final class Show implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, description = "a stored region's id")
        String region;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CliContext.regionId(spec, region);
            RegionCalendar calendar = context.stores(spec).regions().calendar(region);
            report(context.out(), region, calendar);
            calendar.declared().ifPresent(declared -> context.out().println(CalendarJson.write(declared)));
            return 0;
        }
    }
}
