package org.fieldplan.data.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.data.io.ProblemJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fieldplan generate}: a seeded demo region written as a problem file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates a demo region (precincts, volunteers, time slots) as a problem file.",
        footer = {"", "Examples:", "  fieldplan generate --size S --seed 7 --out out/s.json     # 50 precincts, 100 volunteers",
                "  fieldplan generate --size M --out out/m.json              # the embedded demo: 400 precincts"})
final class GenerateCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--size", required = true, description = "S, M, L or XL (${COMPLETION-CANDIDATES})")
    RegionSize size;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "PROBLEM.json",
            description = "the problem file to write (its folder must exist)")
    Path out;

    GenerateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        FieldPlanProblem problem = new RegionGenerator().generate(size, seed);
        ProblemJson.write(problem, out);
        context.out().printf(Locale.ROOT, "generated %s: %d precincts, %d volunteers, %d time slots -> %s%n",
                problem.name(), problem.precincts().size(), problem.volunteers().size(), problem.timeSlots().size(),
                out);
        return 0;
    }
}
