package org.fieldplan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A command-line tool's usage text, {@code usage: TOOL <command> [options]} followed by one block per command (its
 * name two spaces in, continuation lines further in) and optional unindented notes. Answers {@code help},
 * {@code --help} and {@code COMMAND --help} the same way in every FieldPlan CLI. Public for the other modules' tools.
 */
public final class CliUsage {

    private static final Set<String> HELP = Set.of("--help", "-h");

    private final String text;

    public CliUsage(String text) {
        this.text = text;
    }

    /** The whole usage text. */
    public String text() {
        return text;
    }

    /** Whether {@code args} ask for help: {@code help}, {@code --help} or {@code -h} first, or after a command. */
    public static boolean asksForHelp(String[] args) {
        if (args.length > 0 && args[0].equals("help")) {
            return true;
        }
        for (String arg : args) {
            if (HELP.contains(arg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The usage to print for a help request: the named command's block when {@code args} start with a known
     * command ({@code solve --help}, {@code help solve}), else the whole text.
     */
    public String helpFor(String[] args) {
        String command = args.length == 0 ? "" : args[0].equals("help") && args.length > 1 ? args[1] : args[0];
        return command(command).orElse(text);
    }

    /** The header line naming the tool and command, then the command's block; empty for an unknown command. */
    public Optional<String> command(String command) {
        List<String> lines = text.lines().toList();
        if (command.isBlank() || command.startsWith("-") || lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> block = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            boolean commandLine = line.startsWith("  ") && !line.startsWith("   ");
            if (commandLine) {
                if (!block.isEmpty()) {
                    break;
                }
                if (line.strip().split("\\s+")[0].equals(command)) {
                    block.add(line);
                }
            } else if (!block.isEmpty()) {
                if (!line.startsWith("  ")) {
                    break;
                }
                block.add(line);
            }
        }
        if (block.isEmpty()) {
            return Optional.empty();
        }
        String header = lines.get(0).replace("<command> [options]", command + " [options]");
        // Notes for every command (e.g. the database settings) follow the command blocks, unindented.
        List<String> notes = lines.stream().skip(1).dropWhile(line -> line.startsWith(" ")).toList();
        return Optional.of(header + "\n" + String.join("\n", block) + "\n"
                + (notes.isEmpty() ? "" : String.join("\n", notes) + "\n"));
    }
}
