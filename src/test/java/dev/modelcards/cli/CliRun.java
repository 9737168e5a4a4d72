package dev.modelcards.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the CLI in-process and captures exit code, stdout and stderr. {@link #err()} is stderr without the
 * {@code catalog: ...} line every catalog-reading command starts with ({@link #catalogLine()} has it).
 */
public record CliRun(int exit, String out, String stderr) {

    /** Stderr without the leading {@code catalog: ...} line. */
    public String err() {
        return stderr.startsWith("catalog: ") ? stderr.substring(stderr.indexOf('\n') + 1) : stderr;
    }

    /** The {@code catalog: ...} line the command printed first on stderr, or empty. */
    public String catalogLine() {
        return stderr.startsWith("catalog: ") ? stderr.substring(0, stderr.indexOf('\n')) : "";
    }

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
