package dev.modelcards;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A tensor shape whose first dimension is the batch. {@link #BATCH} (-1) marks a symbolic batch.
 *
 * @param dims the dimensions, batch first
 */
public record Shape(List<Long> dims) {
    /** The value of a symbolic (any size) dimension. */
    public static final long BATCH = -1;

    /**
     * Copies the dimensions.
     *
     * @param dims the dimensions, {@link #BATCH} for the symbolic batch
     */
    public Shape {
        dims = List.copyOf(dims);
    }

    /**
     * A shape with a symbolic batch followed by {@code rest}.
     *
     * @param rest the dimensions after the batch
     * @return the shape {@code [batch, rest...]}
     */
    public static Shape batchOf(long... rest) {
        Long[] all = new Long[rest.length + 1];
        all[0] = BATCH;
        for (int i = 0; i < rest.length; i++) {
            all[i + 1] = rest[i];
        }
        return new Shape(List.of(all));
    }

    /** Renders like {@code [batch, 224, 224, 3]}. */
    @Override
    public String toString() {
        return dims.stream().map(d -> d == BATCH ? "batch" : Long.toString(d))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
