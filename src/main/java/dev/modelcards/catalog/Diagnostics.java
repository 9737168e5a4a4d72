package dev.modelcards.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while loading so that one run reports all of them. */
final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();

    void error(SourcePos pos, String message) {
        list.add(new Diagnostic(pos, Diagnostic.Severity.ERROR, message));
    }

    void warning(SourcePos pos, String message) {
        list.add(new Diagnostic(pos, Diagnostic.Severity.WARNING, message));
    }

    boolean hasErrors() {
        return list.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /** Sorted by file, line and column so output is stable and reads top to bottom. */
    List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.pos().file())
                .thenComparingInt(d -> d.pos().line())
                .thenComparingInt(d -> d.pos().column()));
        return copy;
    }
}
