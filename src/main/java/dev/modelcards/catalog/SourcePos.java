package dev.modelcards.catalog;

/**
 * Where a catalog value was written: the file as the user named it, and a 1-based line and column.
 *
 * @param file   the file path as shown to the user, e.g. {@code catalog/mobilenet_v2.yaml}
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourcePos(String file, int line, int column) {

    /**
     * A position for problems that concern a whole file rather than a place in it.
     *
     * @param file the file as messages name it
     * @return a position naming only the file
     */
    public static SourcePos ofFile(String file) {
        return new SourcePos(file, 1, 1);
    }

    /** Renders as {@code file:line:column}, the form editors and CI annotators understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
