package org.fieldplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fieldplan.plan.PlanDocument;
import org.fieldplan.plan.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldPlanCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            return new FieldPlanCli(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
        } finally {
            System.setErr(originalErr);
        }
    }

    @Test
    void generatesAndSolvesTheDemoPrintingProgressAndASummary() throws Exception {
        Path problem = dir.resolve("s.json");
        Path plan = dir.resolve("plan.json");
        assertThat(run("generate", "--size", "S", "--seed", "7", "--out", problem.toString())).isZero();
        assertThat(run("solve", "--problem", problem.toString(), "--seconds", "2", "--out", plan.toString()))
                .isZero();

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("generated Demo region S seed 7: 50 precincts, 100 volunteers")
                .contains("best 0hard/").contains("hard violations       0")
                .contains("expected net votes").contains("greedy");
        PlanDocument document = PlanJson.read(plan);
        assertThat(document.assignments()).isNotEmpty();
        assertThat(document.summary().hardScore()).isZero();
        assertThat(document.greedyBaseline().expectedNetVotes()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown command   | frobnicate                                  | unknown command 'frobnicate'",
            "bad size          | generate --size XXL --out x.json            | --size must be one of",
            "missing option    | generate --size S                           | 'generate' needs --out",
            "unknown option    | generate --size S --colour red --out x.json | unknown option '--colour'",
            "missing file      | solve --problem nope.json --out p.json      | --problem nope.json: no such file",
            "negative seconds  | solve --problem PROBLEM --seconds -3 --out p.json | --seconds must be positive",
            "invalid problem   | solve --problem BROKEN --out p.json         | timeSlots[0] (id \"2026-10-31-am\").end",
            "census of elsewhere | import --precincts RI --mapping rhode-island --census FRANKLIN --volunteers 50 "
                    + "--out OUT | 419 of 419 precincts lie more than 50 km from every point of the census file"})
    void badInputIsOneReadableLineAndExitCode2(String name, String commandLine, String expected) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(Path.of("..", "docs", "examples", "problem-small.json"))
                .replaceFirst("\"end\"\\s*:\\s*\"[^\"]+\"", "\"end\": \"2020-01-01T00:00\""));
        Path problem = dir.resolve("ok.json");
        Files.copy(Path.of("..", "docs", "examples", "problem-small.json"), problem);
        String[] args = commandLine.trim().replace("PROBLEM", problem.toString()).replace("BROKEN", broken.toString())
                .replace("RI", org.fieldplan.io.TestFiles.sharedData("precincts/ri-precincts.geojson").toString())
                .replace("FRANKLIN", org.fieldplan.io.TestFiles.sharedData("census/cenpop2020_bg_OH_franklin.csv")
                        .toString()).replace("OUT", dir.resolve("out.json").toString())
                .split("\\s+");

        assertThat(run(args)).isEqualTo(2);
        String message = errors.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("fieldplan: ").contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "generate --help | generate --size S|M|L|XL",
            "import --help   | import   --precincts",
            "solve --help    | solve    --problem problem.json --seconds N --out plan.json",
            "help solve      | solve    --problem problem.json --seconds N --out plan.json",
            "solve -h        | solve    --problem problem.json --seconds N --out plan.json"})
    void everyCommandAnswersHelpWithItsUsageAndExitCode0(String commandLine, String expected) {
        assertThat(run(commandLine.trim().split("\\s+"))).isZero();

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("usage: fieldplan " + commandLine.replace("help ", "").split(" ")[0])
                .contains(expected);
        assertThat(printed.lines().filter(line -> line.matches("  \\S.*"))).as("command lines").hasSize(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpAloneListsEveryCommand() {
        assertThat(run("--help")).isZero();

        assertThat(output.toString(StandardCharsets.UTF_8)).contains("  generate ").contains("  import ")
                .contains("  solve ");
    }
}
