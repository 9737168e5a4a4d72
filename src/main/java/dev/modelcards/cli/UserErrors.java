package dev.modelcards.cli;

import dev.modelcards.FileErrors;
import dev.modelcards.LookupException;
import dev.modelcards.catalog.CatalogException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns the exceptions a user can cause (bad catalog, unknown handle, unreadable file) into one clear
 * message and exit code 1. Anything else is a bug in modelcards and is reported as such, still without
 * a stack trace unless {@code MODELCARDS_DEBUG} is set.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (e instanceof CatalogException ce) {
            ce.diagnostics().forEach(err::println);
            err.println(ce.diagnostics().size() + " problem(s) in the catalog");
        } else if (e instanceof LookupException || e instanceof IllegalArgumentException
                || e instanceof CommandFailure) {
            err.println("error: " + e.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            err.println("error: " + FileErrors.describe(io.getCause()));
        } else if (e instanceof java.io.IOException io) {
            err.println("error: " + FileErrors.describe(io));
        } else {
            err.println("internal error: " + e + " (set MODELCARDS_DEBUG=1 for the stack trace)");
            if (System.getenv("MODELCARDS_DEBUG") != null) {
                e.printStackTrace(err);
            }
        }
        err.flush();
        return 1;
    }
}
