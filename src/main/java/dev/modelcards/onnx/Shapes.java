package dev.modelcards.onnx;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Renders shapes the way messages print them: {@code [batch, 224, 224, 3]}. */
final class Shapes {
    private Shapes() {
    }

    /** -1 prints as {@code batch} in the first position and {@code ?} elsewhere. */
    static String text(List<Long> shape) {
        return IntStream.range(0, shape.size())
                .mapToObj(i -> shape.get(i) >= 0 ? Long.toString(shape.get(i)) : i == 0 ? "batch" : "?")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
