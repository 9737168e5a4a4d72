package dev.modelcards.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a catalog cannot be used; carries every problem found, not just the first.
 * Its message is the list of problems, one {@code file:line:column: error: ...} line each.
 */
public final class CatalogException extends RuntimeException {
    /** Every problem found, in file and line order; at least one. */
    private final List<Diagnostic> diagnostics;

    /** @param diagnostics every problem found; at least one */
    public CatalogException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a CatalogException needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    /**
     * A single problem at one place.
     *
     * @param pos where the problem is
     * @param message what is wrong and what was expected
     */
    public CatalogException(SourcePos pos, String message) {
        this(List.of(new Diagnostic(pos, Diagnostic.Severity.ERROR, message)));
    }

    /** {@return every problem found, in file and line order} */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
