package dev.modelcards;

/**
 * A size figure the publisher states for every variant, in millions: what {@link Variant#published(Quantity)}
 * and {@link Variant#erratum(Quantity)} are asked for, instead of a column name spelled as a string.
 */
public enum Quantity {
    /** Multiply-accumulates for one image (of the classification model). */
    MACS("macs_millions", "MACs"),
    /** Weights of the classification model: convolution kernels and the classifier matrix. */
    PARAMS("params_millions", "parameters");

    private final String column;
    private final String label;

    Quantity(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** {@return the catalog's metrics column holding it, e.g. {@code macs_millions}} */
    public String column() {
        return column;
    }

    /** {@return how people name it, e.g. {@code MACs}} */
    public String label() {
        return label;
    }
}
