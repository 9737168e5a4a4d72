package dev.modelcards.onnx;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Renders shapes the way messages print them: {@code [batch, 224, 224, 3]}. */
final class Shapes {
    private Shapes() {
    }

    /** At most this many dimensions are printed; a hostile file may declare thousands. */
    private static final int SHOWN = 8;

    /** -1 prints as {@code batch} in the first position and {@code ?} elsewhere. */
    static String text(List<Long> shape) {
        return IntStream.range(0, Math.min(shape.size(), SHOWN))
                .mapToObj(i -> shape.get(i) >= 0 ? Long.toString(shape.get(i)) : i == 0 ? "batch" : "?")
                .collect(Collectors.joining(", ", "[", more(shape.size()) + "]"));
    }

    /** Values as {@code [1, 2, 3]}, at most eight of them: {@code [1, 2, …, 8, … 992 more]}. */
    static String values(long[] v) {
        return java.util.Arrays.stream(v).limit(SHOWN).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "[", more(v.length) + "]"));
    }

    /** Values as {@link #values(long[])} does. */
    static String values(List<Long> v) {
        return values(v.stream().mapToLong(Long::longValue).toArray());
    }

    private static String more(int n) {
        return n > SHOWN ? ", … " + (n - SHOWN) + " more" : "";
    }
}
