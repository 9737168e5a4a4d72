package dev.modelcards.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code modelcards} command line. Each subcommand is its own class; picocli provides help, usage
 * errors (exit 2) and version. Errors a user can fix are printed as one clear message, never a stack trace.
 */
@Command(name = "modelcards", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Model-card registry and documentation generator for the MobileNet V1/V2 ImageNet family.",
        subcommands = {ValidateCommand.class, ListCommand.class, ShowCommand.class, GenerateCommand.class,
                ExportCommand.class, VerifyCommand.class, ClassifyCommand.class, DocsCommand.class, DiffCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /**
     * Runs the CLI and returns its exit code: 0 ok, 1 failed check or bad input, 2 usage error.
     *
     * @param args the command line, without the program name
     * @return the exit code
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** {@return the configured command line, shared by {@link #main} and tests} */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new UserErrors());
        shareVersion(cl, new VersionInfo());
        return cl;
    }

    /** Every subcommand's --version prints the same facts as the top command's. */
    private static void shareVersion(CommandLine cl, CommandLine.IVersionProvider versions) {
        cl.getCommandSpec().versionProvider(versions);
        cl.getSubcommands().values().forEach(sub -> shareVersion(sub, versions));
    }

    /**
     * Runs the CLI and exits with its exit code (see {@link #run}).
     *
     * @param args the command line, without the program name
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
