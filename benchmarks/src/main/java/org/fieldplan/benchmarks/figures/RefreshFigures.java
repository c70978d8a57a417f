package org.fieldplan.benchmarks.figures;

import java.nio.file.Path;

import org.fieldplan.benchmarks.suite.ResultFiles;

/**
 * Regenerates the current-figures table of {@code docs/benchmarks.md} from {@code benchmarks/figures.json}, first
 * taking the suite's figures from a {@code result.json} when one is given (the suite does this itself with
 * {@code --figures}):
 *
 * <pre>
 * RefreshFigures [--result out/bench-suite/result.json --load "0.4 → 1.9"] [--figures benchmarks/figures.json]
 *                [--doc docs/benchmarks.md]
 * </pre>
 */
public final class RefreshFigures {

    private RefreshFigures() {
    }

    public static void main(String[] args) {
        Path figures = Path.of("benchmarks", "figures.json");
        Path doc = Path.of("docs", "benchmarks.md");
        Path result = null;
        String load = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                fail("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--figures" -> figures = Path.of(args[i + 1]);
                case "--doc" -> doc = Path.of(args[i + 1]);
                case "--result" -> result = Path.of(args[i + 1]);
                case "--load" -> load = args[i + 1];
                default -> fail("unknown option " + args[i]
                        + " (usage: RefreshFigures [--result FILE --load TEXT] [--figures FILE] [--doc FILE])");
            }
        }
        if (result != null) {
            FiguresDoc.write(FiguresDoc.refreshed(FiguresDoc.read(figures), ResultFiles.read(result),
                    load == null ? "not recorded" : load), figures);
        }
        FiguresDoc.render(figures, doc);
        System.out.println("updated the figures of " + doc + " from " + figures);
    }

    private static void fail(String message) {
        System.err.println("RefreshFigures: " + message);
        System.exit(2);
    }
}
