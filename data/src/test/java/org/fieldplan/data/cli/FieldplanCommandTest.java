package org.fieldplan.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.fieldplan.data.testing.RepositoryFiles;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.plan.PlanDocument;
import org.fieldplan.data.io.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fieldplan} without a database: generate, solve, check, help, version, completion and bad input. */
class FieldplanCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(Map.of(), args);
    }

    @Test
    void generatesSolvesAndChecksTheDemoPrintingProgressAndASummary() {
        Path problem = dir.resolve("s.json");
        Path plan = dir.resolve("plan.json");
        assertThat(run("generate", "--size", "S", "--seed", "7", "--out", problem.toString())).isZero();
        assertThat(run("solve", "--problem", problem.toString(), "--seconds", "2", "--out", plan.toString()))
                .isZero();
        assertThat(run("check", "--problem", problem.toString(), "--plan", plan.toString())).isZero();

        assertThat(cli.out()).contains("generated Demo region S seed 7: 50 precincts, 100 volunteers")
                .contains("best 0hard/").contains("hard violations       0")
                .contains("expected net votes").contains("greedy")
                .contains(problem + ": valid problem Demo region S seed 7: 50 precincts, 100 volunteers")
                .contains(plan + ": plan of Demo region S seed 7: score 0hard/")
                .doesNotContain("the file states");
        assertThat(cli.err()).isEmpty();
        PlanDocument document = PlanJson.read(plan);
        assertThat(document.assignments()).isNotEmpty();
        assertThat(document.summary().hardScore()).isZero();
        assertThat(document.greedyBaseline().expectedNetVotes()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no command        | 2 | frobnicate                              | fieldplan: Unmatched argument at index 0: 'frobnicate'",
            "bad size          | 2 | generate --size XXL --out x.json        | fieldplan generate: Invalid value for option '--size'",
            "missing option    | 2 | generate --size S                       | fieldplan generate: Missing required option: '--out=PROBLEM.json'",
            "unknown option    | 2 | generate --size S --colour red --out x.json | fieldplan generate: Unknown options: '--colour', 'red'",
            "missing file      | 2 | solve --problem nope.json --out p.json  | fieldplan solve: --problem nope.json: no such file",
            "negative seconds  | 2 | solve --problem PROBLEM --seconds -3 --out p.json | fieldplan solve: --seconds must be positive, got -3",
            "not a number      | 2 | solve --problem PROBLEM --seconds soon --out p.json | fieldplan solve: Invalid value for option '--seconds': 'soon' is not an int",
            "invalid problem   | 1 | solve --problem BROKEN --out p.json     | fieldplan solve: invalid problem: timeSlots[0] (id \"2026-10-31-am\").end",
            "invalid to check  | 1 | check --problem BROKEN                  | fieldplan check: invalid problem: timeSlots[0]",
            "plan of another   | 1 | check --problem PROBLEM --plan OTHERPLAN | is a plan of 'Demo region S seed 7', not of",
            "census of elsewhere | 1 | import real --region ri --file RI --mapping rhode-island --census FRANKLIN "
                    + "--volunteers 50 --out OUT | 419 of 419 precincts lie more than 50 km from every point of the census file",
            "no database       | 2 | import generated --region r --size S --seed 1 | fieldplan import generated: FIELDPLAN_DB_URL is not set"})
    void badInputIsOneReadableLineNamingTheOptionWithItsExitCode(String name, int exitCode, String commandLine,
            String expected) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(RepositoryFiles.file("docs/examples/problem-small.json"))
                .replaceFirst("\"end\"\\s*:\\s*\"[^\"]+\"", "\"end\": \"2020-01-01T00:00\""));
        Path problem = dir.resolve("ok.json");
        Files.copy(RepositoryFiles.file("docs/examples/problem-small.json"), problem);
        Path otherPlan = dir.resolve("other-plan.json");
        if (commandLine.contains("OTHERPLAN")) {
            Path other = dir.resolve("other.json");
            run("generate", "--size", "S", "--out", other.toString());
            run("solve", "--problem", other.toString(), "--seconds", "1", "--out", otherPlan.toString());
            cli.reset();
        }
        String[] args = commandLine.trim().replace("PROBLEM", problem.toString()).replace("BROKEN", broken.toString())
                .replace("OTHERPLAN", otherPlan.toString())
                .replace("RI", SharedData.file("precincts/ri-precincts.geojson").toString())
                .replace("FRANKLIN", SharedData.file("census/cenpop2020_bg_OH_franklin.csv").toString())
                .replace("OUT", dir.resolve("out.json").toString())
                .split("\\s+");

        assertThat(run(args)).isEqualTo(exitCode);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("fieldplan").contains(expected).doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void aPlanNamingWhatTheProblemLacksOrBreakingHardRulesIsRefusedWithExitCode1() throws Exception {
        Path problem = dir.resolve("s.json");
        Path plan = dir.resolve("plan.json");
        run("generate", "--size", "S", "--seed", "7", "--out", problem.toString());
        run("solve", "--problem", problem.toString(), "--seconds", "1", "--out", plan.toString());
        String json = Files.readString(plan);
        Path unknown = Files.writeString(dir.resolve("unknown.json"),
                json.replaceFirst("\"precinctId\"\\s*:\\s*\"[^\"]+\"", "\"precinctId\": \"NOPE\""));
        String first = json.replaceFirst("(?s).*?\"precinctId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Path crowded = Files.writeString(dir.resolve("crowded.json"),
                json.replaceAll("\"precinctId\"\\s*:\\s*\"[^\"]+\"", "\"precinctId\": \"" + first + "\""));
        cli.reset();

        assertThat(run("check", "--problem", problem.toString(), "--plan", unknown.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("fieldplan check: " + unknown + ": 1 of ")
                .endsWith(" assignments name a volunteer, slot or precinct the problem does not have"
                        + System.lineSeparator());
        cli.reset();
        assertThat(run("check", "--problem", problem.toString(), "--plan", crowded.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("fieldplan check: " + crowded + ": breaks hard rules, score -")
                .hasLineCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "generate --help          | Usage: fieldplan generate     | --size=<size>",
            "import --help            | Usage: fieldplan import       | precincts",
            "import real --help       | Usage: fieldplan import real  | --census=CSV",
            "import precincts -h      | Usage: fieldplan import precincts | --dry-run",
            "import volunteers --help | Usage: fieldplan import volunteers | --csv=FILE",
            "import generated --help  | Usage: fieldplan import generated | --size=<size>",
            "solve --help             | Usage: fieldplan solve        | --problem=PROBLEM.json",
            "help solve               | Usage: fieldplan solve        | --seconds=<seconds>",
            "solve -h                 | Usage: fieldplan solve        | --out=PLAN.json",
            "check --help             | Usage: fieldplan check        | --plan=PLAN.json",
            "calendar --help          | Usage: fieldplan calendar     | show",
            "calendar set --help      | Usage: fieldplan calendar set | --calendar=CALENDAR.json",
            "calendar show --help     | Usage: fieldplan calendar show | --region=<region>",
            "place-volunteers --help  | Usage: fieldplan place-volunteers | --volunteers=N",
            "completion --help        | Usage: fieldplan completion   | source <(scripts/fieldplan completion)"})
    void everyCommandAnswersHelpWithItsUsageAndExamplesAndExitCode0WithoutADatabase(String commandLine,
            String header, String expected) {
        assertThat(run(commandLine.trim().split("\\s+"))).isZero();

        assertThat(cli.out()).startsWith(header).contains(expected).contains("Example");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void helpAloneListsEveryCommandAndTheExitCodes() {
        assertThat(run("--help")).isZero();

        assertThat(cli.out()).contains("  generate ").contains("  import ").contains("  solve ").contains("  check ")
                .contains("  calendar ").contains("  place-volunteers ").contains("  completion ")
                .contains("Exit codes: 0 done, 1 data refused or a store failed, 2 wrong command line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "import", "calendar"})
    void aGroupWithoutItsCommandPrintsItsUsageAndExits2(String group) {
        assertThat(run(group.isEmpty() ? new String[0] : new String[] {group})).isEqualTo(2);

        assertThat(cli.out()).startsWith("Usage: fieldplan" + (group.isEmpty() ? "" : " " + group)).contains("Commands:");
    }

    @Test
    void versionNamesTheCommand() {
        assertThat(run("--version")).isZero();

        assertThat(cli.out()).startsWith("fieldplan ");
    }

    @Test
    void completionIsABashScriptOfEveryCommandAndOption() {
        assertThat(run("completion")).isZero();

        assertThat(cli.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_fieldplan")
                .contains("precincts").contains("place-volunteers").contains("--skip-bad-rows").contains("--seconds");
        assertThat(cli.err()).isEmpty();
    }
}
