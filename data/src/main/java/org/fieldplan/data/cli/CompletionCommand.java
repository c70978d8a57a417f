package org.fieldplan.data.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fieldplan completion}: the bash (and zsh) completion script of every command and option, generated. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Prints the bash/zsh completion script of fieldplan's commands and options.",
        footer = {"", "Examples:", "  source <(scripts/fieldplan completion)          # this shell",
                "  scripts/fieldplan completion > ~/.local/share/bash-completion/completions/fieldplan"})
final class CompletionCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    CompletionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().print(AutoComplete.bash("fieldplan", spec.root().commandLine()));
        return 0;
    }
}
