package org.fieldplan.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.fieldplan.data.testing.SharedData;
import org.fieldplan.data.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fieldplan calendar …} and {@code place-volunteers} against the test database: set, show, place census volunteers over it. */
class CalendarCommandTest {

    @TempDir
    Path temp;

    private final CliRun cli = new CliRun();

    /** "Now" for the calendars' checks: before the 2026 election the tests plan for. */
    private static final String NOW = "2026-10-31T08:00";

    private int run(String... args) {
        return runAt(NOW, args);
    }

    private int runAt(String now, String... args) {
        TestDatabase.dataSource(); // fails the test loudly when there is no database
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("FIELDPLAN_NOW", now);
        return cli.run(environment, args);
    }

    @Test
    void aCentralTimeCalendarIsSetShownAndCensusVolunteersAreAvailableInIt() throws IOException {
        String region = "cli-calendar-" + UUID.randomUUID();
        assertThat(run("import", "generated", "--region", region, "--size", "S", "--seed", "5")).isZero();
        Path calendar = Files.writeString(temp.resolve("central.json"),
                "{\"timeZone\": \"America/Chicago\", \"electionDay\": \"2026-11-03\"}");

        assertThat(run("calendar", "set", "--region", region, "--calendar", calendar.toString())).isZero();
        assertThat(cli.out()).contains("region " + region
                + ": calendar in America/Chicago, 10 time slots from 2026-10-31 to 2026-11-03")
                .contains("warning: CHECK THE TIME ZONE: time zone America/Chicago");
        cli.reset();
        assertThat(run("calendar", "show", "--region", region)).isZero();
        assertThat(cli.out()).contains("\"timeZone\" : \"America/Chicago\"")
                .contains("\"electionDay\" : \"2026-11-03\"");
        cli.reset();
        assertThat(run("place-volunteers", "--region", region, "--census",
                SharedData.file("census/cenpop2020_bg_OH_franklin.csv").toString(), "--volunteers", "20", "--seed",
                "1")).isZero();
        assertThat(cli.out()).contains("added 20 volunteers to region " + region
                + " at census block-group centres of cenpop2020_bg_OH_franklin.csv");
        cli.reset();
        // Placing again with the same ids is refused in one line, nothing added.
        assertThat(run("place-volunteers", "--region", region, "--census",
                SharedData.file("census/cenpop2020_bg_OH_franklin.csv").toString(), "--volunteers", "20", "--seed",
                "1")).isEqualTo(1);
        assertThat(cli.err().lines().toList()).hasSize(1);
    }

    @Test
    void aPastElectionDayOrAZoneHoursFromTheRegionIsOneLineAndChangesNothing() throws IOException {
        String region = "cli-calendar-past-" + UUID.randomUUID();
        assertThat(run("import", "generated", "--region", region, "--size", "S", "--seed", "5")).isZero();
        Path calendar = Files.writeString(temp.resolve("eastern.json"),
                "{\"timeZone\": \"America/New_York\", \"electionDay\": \"2026-11-03\"}");
        Path pacific = Files.writeString(temp.resolve("pacific.json"),
                "{\"timeZone\": \"America/Los_Angeles\", \"electionDay\": \"2026-11-03\"}");
        cli.reset();

        // A week after the election, its calendar plans shifts nobody can work.
        assertThat(runAt("2026-11-10T08:00", "calendar", "set", "--region", region, "--calendar", calendar.toString()))
                .isEqualTo(1);
        assertThat(cli.err()).isEqualTo("fieldplan calendar set: " + calendar
                + ": electionDay: 2026-11-03 is in the past (today is 2026-11-10 in America/New_York): give the "
                + "coming election's day" + System.lineSeparator());
        cli.reset();
        // The generated region lies at 71.4° W: Pacific time is 3.2 hours off its solar time.
        assertThat(run("calendar", "set", "--region", region, "--calendar", pacific.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("fieldplan calendar set: " + pacific
                + ": timeZone: time zone America/Los_Angeles (standard time UTC-08:00) is 3.2 hours from the "
                + "region's solar time").hasLineCount(1);
        assertThat(run("calendar", "show", "--region", region)).isZero();
        assertThat(cli.out()).contains("no declared calendar");
    }

    @Test
    void aBadCalendarFileIsOneLineAndChangesNothing() throws IOException {
        String region = "cli-calendar-bad-" + UUID.randomUUID();
        assertThat(run("import", "generated", "--region", region, "--size", "S", "--seed", "5")).isZero();
        Path calendar = Files.writeString(temp.resolve("bad.json"),
                "{\"timeZone\": \"US/Centrall\", \"from\": \"2026-11-03\", \"to\": \"2026-11-01\"}");

        assertThat(run("calendar", "set", "--region", region, "--calendar", calendar.toString())).isEqualTo(1);

        assertThat(cli.err()).isEqualTo("fieldplan calendar set: " + calendar
                + ": timeZone: is not an IANA time zone (e.g. America/Chicago): \"US/Centrall\"; to: is before from "
                + "(2026-11-03)" + System.lineSeparator());
        cli.reset();
        assertThat(run("calendar", "show", "--region", region)).isZero();
        assertThat(cli.out()).contains("calendar in America/New_York, 12 time slots")
                .contains("no declared calendar");
        assertThat(run("calendar", "set", "--region", "no-such-" + region, "--calendar", calendar.toString()))
                .isEqualTo(1);
    }
}
