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
        System.exit(runOne(args));
    }

    /**
     * Like {@link #run}, but when the first argument names a subcommand, builds picocli's model of that
     * subcommand only: picocli otherwise reflects over every subcommand (and loads the types of all their
     * options, Jackson and onnxruntime ones included) before running any, a fifth of a small command's time.
     * Help, usage errors and the version read the same; anything else takes the full path.
     */
    static int runOne(String... args) {
        Object sub = args.length == 0 ? null : switch (args[0]) {
            case "validate" -> new ValidateCommand();
            case "list" -> new ListCommand();
            case "show" -> new ShowCommand();
            case "generate" -> new GenerateCommand();
            case "diff" -> new DiffCommand();
            default -> null;
        };
        if (sub == null) {
            return run(args);
        }
        CommandLine cl = new CommandLine(new Top());
        cl.addSubcommand(args[0], sub);
        cl.setExecutionExceptionHandler(new UserErrors());
        shareVersion(cl, new VersionInfo());
        return cl.execute(args);
    }

    /** {@link Main} without the list of subcommands, for {@link #runOne}. */
    @Command(name = "modelcards", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "Model-card registry and documentation generator for the MobileNet V1/V2 ImageNet family.")
    static final class Top implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
        }
    }
}
