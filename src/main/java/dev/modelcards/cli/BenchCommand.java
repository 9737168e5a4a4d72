package dev.modelcards.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code modelcards bench}: the benchmark commands, one per data flow; each prints figures as ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures measured side by side in one run.",
        subcommands = {BenchGenerateCommand.class, BenchModelsCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: generate or models");
    }
}
