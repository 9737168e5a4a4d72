package dev.modelcards.catalog;

/**
 * One problem found in a catalog, rendered as {@code file:line:column: error: message}.
 *
 * @param pos      where the problem is
 * @param severity whether it makes the catalog unusable
 * @param message  what is wrong and what was expected
 */
public record Diagnostic(SourcePos pos, Severity severity, String message) {

    /** How bad a problem is: errors make the catalog unusable, warnings are reported only. */
    public enum Severity {
        /** The catalog cannot be used. */
        ERROR,
        /** Reported; the catalog is used all the same. */
        WARNING
    }

    @Override
    public String toString() {
        return pos + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
