package dev.modelcards.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The modelcards CLI as a separate JVM (the test classpath, {@code java.io.tmpdir} as the tests have it):
 * only a real process can be killed with -9, run under {@code ulimit -f}, or show what reaches stderr.
 */
final class Cli {
    private Cli() {
    }

    /** A finished run. */
    record Result(int exit, String out, String err) {
        /** The run as text for assertion messages. */
        String describe() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** The command line that runs {@code modelcards args...}. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "dev.modelcards.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code modelcards args...} with its output thrown away (for runs that get killed). */
    static Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** A run in progress whose output is kept. */
    record Running(Process process, Path out, Path err) {
        /** Waits for the end and returns the result. */
        Result finish() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(180, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("modelcards did not finish in 180 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    /** Starts {@code modelcards args...}, keeping its output for {@link Running#finish()}. */
    static Running startKeepingOutput(String... args) throws IOException {
        return start(command(args));
    }

    private static Running start(List<String> cmd) throws IOException {
        Path out = Files.createTempFile("modelcards-cli", ".out");
        Path err = Files.createTempFile("modelcards-cli", ".err");
        return new Running(new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    /** Runs {@code modelcards args...} to the end. */
    static Result run(String... args) throws IOException, InterruptedException {
        return run(command(args));
    }

    /**
     * Runs {@code modelcards args...} with every file it writes limited to {@code kib} KiB ({@code ulimit -f}):
     * the first larger write fails with "File too large" (the JVM ignores SIGXFSZ).
     */
    static Result runWithFileSizeLimit(long kib, String... args) throws IOException, InterruptedException {
        // bash (not sh: POSIX shells count ulimit -f in 512-byte blocks, bash in KiB)
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + kib + " && exec \"$@\"", "bash"));
        cmd.addAll(command(args));
        return run(cmd);
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        return start(cmd).finish();
    }
}
